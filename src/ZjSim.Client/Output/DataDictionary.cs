using System.Text;
using System.Text.Json.Nodes;
using ZjSim.Model;

namespace ZjSim.Client.Output;

/// <summary>
/// The data dictionary of the result files, from the indicator catalogue only: in every manifest.json and, as
/// Markdown, in docs/data-dictionary.md (a test keeps that file equal to <see cref="Markdown"/>).
/// </summary>
public static class DataDictionary
{
    public const string StoredAs = "shares are stored as fractions in [0, 1]; charts and tables show them in %";

    public static JsonObject Json() => new()
    {
        ["note"] = StoredAs,
        ["indicators"] = new JsonArray(Indicators.All.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["title"] = i.Title,
            ["kind"] = i.Kind.ToString(),
            ["unit"] = i.Unit,
            ["stored_unit"] = StoredUnit(i),
            ["definition"] = i.Definition,
            ["moved_by"] = new JsonArray(i.MovedBy.Select(m => (JsonNode)m).ToArray()),
        }).ToArray()),
        ["columns"] = Columns(),
    };

    /// <summary>The unit of the value column in the files: a share is stored as a fraction.</summary>
    public static string StoredUnit(Indicator i) => i.Kind == IndicatorKind.Share ? "fraction (0–1)" : i.Unit;

    private static JsonObject Columns() => new()
    {
        ["indicators"] = "scenario (text), replication (int32), year (int32), indicator (text, a name above), value (float64, in the indicator's stored unit)",
        ["goals"] = "scenario (text), replication (int32), goal (text), target (float64), value (float64), met (bool)",
        ["goal_summary"] = "goal, scenario, met, replications, probability with its 95% Wilson interval, difference against the first scenario with its 95% interval (compare only)",
    };

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# Data dictionary\n\n");
        md.Append("Generated from the indicator catalogue (src/ZjSim.Model/Indicators/IndicatorCatalogue.cs) by\n");
        md.Append("`zjsim indicators --markdown > docs/data-dictionary.md`; a test keeps this file equal to it. Every\n");
        md.Append("manifest.json carries the same dictionary under `data_dictionary`.\n\n");
        md.Append("## Indicators\n\n");
        md.Append($"The `indicator` column of indicators.csv and indicators.parquet; {StoredAs}.\n\n");
        md.Append("| name | title | unit shown | stored as | definition |\n|---|---|---|---|---|\n");
        foreach (var i in Indicators.All)
            md.Append($"| `{i.Name}` | {i.Title} | {i.Unit} | {StoredUnit(i)} | {i.Definition.Replace("|", "\\|")} |\n");
        md.Append("\n## Files\n\n| file | columns |\n|---|---|\n");
        md.Append("| indicators.csv, indicators.parquet | scenario (text), replication (int32), year (int32), indicator (text), value (float64) |\n");
        md.Append("| goals.csv, goals.parquet | scenario (text), replication (int32), goal (text), target (float64), value (float64), met (bool); goals.csv adds each uncertain parameter's draw |\n");
        md.Append("| goal_summary.parquet (compare) | goal (text), scenario (text), met (int32), replications (int32), probability, probability_lower, probability_upper (float64, 95% Wilson), difference, difference_lower, difference_upper (float64, points/100 against the first scenario; empty for it), significant (bool) |\n");
        md.Append("| resolved_parameters.csv | parameter (dotted path), value, unit, mark (SOURCE, ASSUMPTION, LEVER, SETTING, CALIBRATED or MIXED), status (docs/MODEL.md section 8) |\n");
        md.Append("\nA compare's root folder holds indicators.parquet and goals.parquet for all its scenarios together.\n");
        return md.ToString();
    }
}
