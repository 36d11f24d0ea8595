using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Docs;

/// <summary>docs/MODEL.md and the code agree on the parameter keys, both ways.</summary>
public sealed partial class ModelDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestConfig.Dir)!, "docs", "MODEL.md"));

    [Fact]
    public void Every_key_the_code_accepts_is_documented_as_a_backticked_dotted_path()
    {
        var keys = DottedKeys;
        Assert.Contains("adoption.p[].key_sme", keys);    // the walk reaches into lists of records
        Assert.Contains("brains.plan", keys);
        var missing = keys.Where(k => !Document.Contains($"`{k}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"not in docs/MODEL.md: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_key_in_the_parameter_table_exists_in_the_code()
    {
        var section = Document[Document.IndexOf("## 8. Parameters", StringComparison.Ordinal)..Document.IndexOf("## 9. Goals", StringComparison.Ordinal)];
        var rows = TableKey().Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.True(rows.Count > 80, $"only {rows.Count} rows found in the parameter table");
        var unknown = rows.Where(k => !Exists(k)).ToList();
        Assert.True(unknown.Count == 0, $"in the table but not in the code: {string.Join(", ", unknown)}");
        Assert.Empty(DottedKeys.Except(rows));   // and the table lists them all
    }

    [Fact]
    public void Every_parameter_path_anywhere_in_the_document_exists_in_the_code()
    {
        var unknown = Backticked().Matches(Document).Select(m => m.Groups[1].Value).Distinct().Where(k => !Exists(k)).ToList();
        Assert.True(unknown.Count == 0, $"docs/MODEL.md names unknown parameters: {string.Join(", ", unknown)}");
    }

    /// <summary>Every key below the top-level groups (years, world, ...), which are sections rather than parameters.</summary>
    private static IReadOnlyList<string> DottedKeys => ParameterSchema.Keys().Where(k => k.Contains('.')).ToList();

    /// <summary>
    /// A key the code accepts: a key of the schema (with [] for "every entry"), or an entry of an open map
    /// (sectors, plan years) that config/model.json defines.
    /// </summary>
    private static bool Exists(string key)
    {
        if (ParameterSchema.Keys().Contains(key)) return true;
        string concrete = key.Replace("[]", "[0]", StringComparison.Ordinal);
        if (ParameterSchema.TypeAt(concrete) is null) return false;
        var defaults = ScenarioLoader.ReadObject(Path.Combine(TestConfig.Dir, ConfigDirectory.DefaultsFile));
        return ParameterPath.Get(defaults, concrete) is not null;
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();

    /// <summary>A backticked dotted path under any top-level group of the schema (years, world, ...).</summary>
    private static Regex Backticked() =>
        new($@"`((?:{string.Join('|', ParameterSchema.Keys().Where(k => !k.Contains('.')))})\.[a-z0-9_.\[\]]+)`");
}
