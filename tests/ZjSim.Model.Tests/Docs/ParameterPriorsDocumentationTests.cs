using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Docs;

/// <summary>
/// docs/MODEL.md's parameter table gives every parameter's prior exactly as config/zhejiang/priors.json holds
/// it, and a parameter without a prior says why ("none (policy lever)", "none (SOURCE figure)", ...).
/// </summary>
public sealed partial class ParameterPriorsDocumentationTests
{
    private static readonly string Repo = Path.GetDirectoryName(TestConfig.Dir)!;

    [Fact]
    public void Every_prior_in_the_priors_file_is_the_prior_column_of_its_row()
    {
        var priors = Priors();
        var table = PriorColumn();
        Assert.True(priors.Count > 40, $"only {priors.Count} priors read from the priors file");
        Assert.Equal("triangular(0.05, 0.38, 0.8); uniform(0.02, 0.4); uniform(0.01, 0.2); uniform(0, 0.08)", priors["adoption.q"]);   // lists joined entry by entry
        Assert.Equal("lognormal(1.609, 0.5) on [1, 19]", priors["world.revenue.key_sme_median"]);
        var missing = priors.Keys.Where(k => !table.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"priors with no row in docs/MODEL.md section 8: {string.Join(", ", missing)}");
        var wrong = priors.Where(p => table[p.Key] != p.Value).Select(p => $"{p.Key}: file '{p.Value}', MODEL.md '{table[p.Key]}'").ToList();
        Assert.True(wrong.Count == 0, "prior column differs from config/zhejiang/priors.json:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_row_without_a_prior_in_the_file_says_why_or_points_below()
    {
        var priors = Priors();
        var stray = PriorColumn().Where(r => !priors.ContainsKey(r.Key) && !NoPrior().IsMatch(r.Value) && r.Value != "see the rows below")
            .Select(r => $"{r.Key}: '{r.Value}'").ToList();
        Assert.True(stray.Count == 0, "rows that give a prior the priors file does not have:\n" + string.Join("\n", stray));
        Assert.Equal("none (policy lever)", PriorColumn()["government.campaigns[].budget"]);
    }

    [Fact]
    public void Priors_are_formatted_as_the_document_writes_them()
    {
        Assert.Equal("uniform(0.2, 0.8)", Format(JsonNode.Parse("""{ "dist": "uniform", "min": 0.2, "max": 0.8 }""")!));
        Assert.Equal("triangular(45000, 55000, 65000)", Format(JsonNode.Parse("""{ "dist": "triangular", "min": 45000, "mode": 55000, "max": 65000 }""")!));
        Assert.Equal("normal(1, 0.5) on [0, 2]", Format(JsonNode.Parse("""{ "dist": "normal", "mean": 1, "sd": 0.5, "min": 0, "max": 2 }""")!));
        Assert.Equal("beta(2, 3)", Format(JsonNode.Parse("""{ "dist": "beta", "alpha": 2, "beta": 3 }""")!));
        Assert.Equal("1 (fixed)", Format(JsonValue.Create(1.0)));
    }

    /// <summary>Every prior of the file by the key MODEL.md's table uses: [] for the entries of a list of records.</summary>
    private static Dictionary<string, string> Priors()
    {
        var file = ScenarioLoader.ReadObject(Path.Combine(TestConfig.Dir, "zhejiang", "priors.json"));
        var priors = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(file["parameters"]!, "", priors);
        return priors;
    }

    private static void Walk(JsonNode node, string path, Dictionary<string, string> priors)
    {
        switch (node)
        {
            case JsonObject o when !IsDistribution(o):
                foreach (var (key, child) in o) Walk(child!, path.Length == 0 ? key : $"{path}.{key}", priors);
                break;
            case JsonArray a when a.All(e => e is JsonObject r && !IsDistribution(r)):
                // A list of records (adoption.p): one row per field, the entries in order.
                foreach (var field in a.SelectMany(e => ((JsonObject)e!).Select(p => p.Key)).Distinct())
                    priors[$"{path}[].{field}"] = string.Join("; ", a.Select(e => Format(e![field]!)));
                break;
            case JsonArray a:
                priors[path] = string.Join("; ", a.Select(e => Format(e!)));
                break;
            default:
                priors[path] = Format(node);
                break;
        }
    }

    private static bool IsDistribution(JsonObject o) => o.ContainsKey("dist");

    /// <summary>A distribution as "uniform(a, b)", "triangular(min, mode, max)", "lognormal(μ, σ) on [min, max]"; a number as "x (fixed)".</summary>
    private static string Format(JsonNode node)
    {
        if (node is not JsonObject o) return $"{Number(node)} (fixed)";
        string Bounds() => o.ContainsKey("min") || o.ContainsKey("max")
            ? $" on [{(o.ContainsKey("min") ? Number(o["min"]!) : "−∞")}, {(o.ContainsKey("max") ? Number(o["max"]!) : "∞")}]"
            : "";
        return (string)o["dist"]! switch
        {
            "uniform" => $"uniform({Number(o["min"]!)}, {Number(o["max"]!)})",
            "triangular" => $"triangular({Number(o["min"]!)}, {Number(o["mode"]!)}, {Number(o["max"]!)})",
            "normal" => $"normal({Number(o["mean"]!)}, {Number(o["sd"]!)})" + Bounds(),
            "lognormal" => $"lognormal({Number(o["mu"]!)}, {Number(o["sigma"]!)})" + Bounds(),
            "beta" => $"beta({Number(o["alpha"]!)}, {Number(o["beta"]!)})" + Bounds(),
            var d => throw new InvalidOperationException($"unknown distribution '{d}'"),
        };
    }

    private static string Number(JsonNode n) => n.GetValue<double>().ToString(CultureInfo.InvariantCulture);

    /// <summary>Section 8's table: key → prior column (the fifth).</summary>
    private static Dictionary<string, string> PriorColumn()
    {
        string doc = File.ReadAllText(Path.Combine(Repo, "docs", "MODEL.md"));
        string section = doc[doc.IndexOf("## 8. Parameters", StringComparison.Ordinal)..doc.IndexOf("## 9. Goals", StringComparison.Ordinal)];
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Row().Matches(section))
        {
            var cells = m.Groups["cells"].Value.Split(" | ");
            Assert.True(cells.Length == 5, $"row {m.Groups["key"].Value} has {cells.Length + 1} columns, not 6 (a '|' inside a cell?)");
            rows[m.Groups["key"].Value] = cells[3].Trim();
        }
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \| (?<cells>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"^none \([^)]+\)$")]
    private static partial Regex NoPrior();
}
