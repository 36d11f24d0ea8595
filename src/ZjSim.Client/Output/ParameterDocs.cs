using System.Text.RegularExpressions;

namespace ZjSim.Client.Output;

/// <summary>
/// Each parameter's unit and SOURCE/ASSUMPTION status, read from docs/MODEL.md section 8's table (embedded in the
/// client at build time, so the documentation stays the one place they are written and an installed tool has them).
/// </summary>
public static partial class ParameterDocs
{
    public sealed record Entry(string Key, string Unit, string Status)
    {
        /// <summary>SOURCE, ASSUMPTION, LEVER, SETTING or CALIBRATED when the status names one kind, MIXED when it names several.</summary>
        public string Mark
        {
            get
            {
                var kinds = Kinds().Matches(Status).Select(m => m.Value).Distinct().ToList();
                if (kinds.Contains("CALIBRATED")) return "CALIBRATED";
                if (kinds.Contains("LEVER")) return "LEVER";
                return kinds.Count switch { 0 => "", 1 => kinds[0], _ => "MIXED" };
            }
        }
    }

    public static IReadOnlyDictionary<string, Entry> Table { get; } = Parse(ReadEmbedded());

    private static string ReadEmbedded()
    {
        using var stream = typeof(ParameterDocs).Assembly.GetManifestResourceStream("ZjSim.MODEL.md")
            ?? throw new InvalidOperationException("docs/MODEL.md is not embedded in the client");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The rows "| `key` | default | range | unit | prior | status |" of the section "## 8. Parameters".</summary>
    public static IReadOnlyDictionary<string, Entry> Parse(string markdown)
    {
        int start = markdown.IndexOf("## 8. Parameters", StringComparison.Ordinal);
        int end = start < 0 ? -1 : markdown.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        if (start < 0) return new Dictionary<string, Entry>();
        var table = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (Match m in Row().Matches(end < 0 ? markdown[start..] : markdown[start..end]))
            table[m.Groups["key"].Value] = new Entry(m.Groups["key"].Value, m.Groups["unit"].Value.Trim(), m.Groups["status"].Value.Trim());
        return table;
    }

    /// <summary>
    /// The documented row of a resolved parameter path: indices become [] (world.clusters[3].name is
    /// world.clusters[].name), a list of numbers is documented as a whole (adoption.q[0] is adoption.q), and a key
    /// of an open map falls back to the map (a scenario's own sector is adoption.sector_p_multiplier).
    /// </summary>
    public static Entry? Find(string path)
    {
        string key = Index().Replace(path, "[]");
        while (true)
        {
            if (Table.TryGetValue(key, out var e)) return e;
            if (key.EndsWith("[]", StringComparison.Ordinal)) key = key[..^2];
            else if (key.LastIndexOf('.') is int dot and > 0) key = key[..dot];
            else return null;
        }
    }

    // The prior column is skipped: its "none (SOURCE figure)" must not count as a status.
    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \|[^|]*\|[^|]*\|(?<unit>[^|]*)\|[^|]*\|(?<status>.*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\b(SOURCE|ASSUMPTION|LEVER|SETTING|CALIBRATED)\b")]
    private static partial Regex Kinds();
}
