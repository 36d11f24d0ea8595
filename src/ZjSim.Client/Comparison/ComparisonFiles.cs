using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Client.Output;
using ZjSim.Model;
using ZjSim.Model.Analysis;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Comparison;

/// <summary>
/// The numbers of the comparison tables: comparison.csv in tidy long form
/// (table,item,scenario,statistic,value) and comparison.json nested by goal and indicator.
/// </summary>
public static class ComparisonFiles
{
    public const string Csv = "comparison.csv", Json = "comparison.json";

    public static void Write(RunFolder folder, ScenarioComparison c)
    {
        folder.Write(Csv, w => WriteCsv(w, c));
        folder.Write(Json, w => w.Write(ToJson(c).ToJsonString(ConfigJson.Indented)));
    }

    public static void WriteCsv(TextWriter w, ScenarioComparison c)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteHeader(["table", "item", "scenario", "statistic", "value"]);
        void Row(string table, string item, string scenario, string statistic, double value) =>
            csv.WriteRecord([table, item, scenario, statistic, ResultFiles.Number(value)]);
        foreach (var g in c.Goals)
            foreach (var cell in g.Cells)
            {
                Row("goal", g.Goal, cell.Scenario, "met", cell.Met);
                Row("goal", g.Goal, cell.Scenario, "replications", cell.Replications);
                Row("goal", g.Goal, cell.Scenario, "probability", cell.Probability.Estimate);
                Row("goal", g.Goal, cell.Scenario, "probability_lower", cell.Probability.Lower);
                Row("goal", g.Goal, cell.Scenario, "probability_upper", cell.Probability.Upper);
                if (cell.Difference is Interval d)
                {
                    Row("goal", g.Goal, cell.Scenario, "difference", d.Estimate);
                    Row("goal", g.Goal, cell.Scenario, "difference_lower", d.Lower);
                    Row("goal", g.Goal, cell.Scenario, "difference_upper", d.Upper);
                    Row("goal", g.Goal, cell.Scenario, "significant", d.ExcludesZero ? 1 : 0);
                }
                if (cell.UnpairedDifference is Interval u)
                {
                    Row("goal", g.Goal, cell.Scenario, "unpaired_difference_lower", u.Lower);
                    Row("goal", g.Goal, cell.Scenario, "unpaired_difference_upper", u.Upper);
                }
            }
        foreach (var row in c.Indicators)
            foreach (var cell in row.Cells)
            {
                string item = row.Indicator.Name;
                Row("indicator", item, cell.Scenario, "median", cell.Median);
                Row("indicator", item, cell.Scenario, "p05", cell.P05);
                Row("indicator", item, cell.Scenario, "p95", cell.P95);
                if (row.Target is double t) Row("indicator", item, cell.Scenario, "target", t);
                if (cell.YearMedianMeetsTarget is int y) Row("indicator", item, cell.Scenario, "year_median_meets_target", y);
            }
    }

    public static JsonObject ToJson(ScenarioComparison c) => new()
    {
        ["year"] = c.Year,
        ["paired"] = c.Paired,
        ["paired_replications"] = c.PairedReplications,
        ["confidence"] = 0.95,
        ["scenarios"] = new JsonArray(c.Runs.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Scenario,
            ["run_id"] = r.RunId,
            ["seed"] = r.Seed,
            ["replications"] = r.Replications,
            ["partial"] = r.Partial,
            ["scale"] = r.Scale,
        }).ToArray()),
        ["goals"] = new JsonArray(c.Goals.Select(g => (JsonNode)new JsonObject
        {
            ["goal"] = g.Goal,
            ["reading"] = g.Reading,
            ["scenarios"] = new JsonArray(g.Cells.Select(cell => (JsonNode)new JsonObject
            {
                ["scenario"] = cell.Scenario,
                ["met"] = cell.Met,
                ["replications"] = cell.Replications,
                ["probability"] = Node(cell.Probability),
                ["difference_vs_first"] = cell.Difference is Interval d ? Node(d) : null,
                ["unpaired_difference_vs_first"] = cell.UnpairedDifference is Interval u ? Node(u) : null,
            }).ToArray()),
        }).ToArray()),
        ["indicators"] = new JsonArray(c.Indicators.Select(row => (JsonNode)new JsonObject
        {
            ["indicator"] = row.Indicator.Name,
            ["target"] = row.Target is double t ? Finite(t) : null,
            ["scenarios"] = new JsonArray(row.Cells.Select(cell => (JsonNode)new JsonObject
            {
                ["scenario"] = cell.Scenario,
                ["median"] = Finite(cell.Median),
                ["p05"] = Finite(cell.P05),
                ["p95"] = Finite(cell.P95),
                ["year_median_meets_target"] = cell.YearMedianMeetsTarget,
            }).ToArray()),
        }).ToArray()),
    };

    private static JsonObject Node(Interval i) => new()
    {
        ["estimate"] = Finite(i.Estimate),
        ["lower"] = Finite(i.Lower),
        ["upper"] = Finite(i.Upper),
        ["significant"] = i.ExcludesZero,
    };

    /// <summary>JSON has no NaN or infinity: an undefined statistic (an interval from too few replications, say) is null.</summary>
    private static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
