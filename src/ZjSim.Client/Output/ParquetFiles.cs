using System.Text.Json.Serialization;
using Parquet.Serialization;
using ZjSim.Client.Comparison;
using ZjSim.Client.Results;
using ZjSim.Model;

namespace ZjSim.Client.Output;

/// <summary>
/// The Parquet copies of a run's tables, with typed columns (int32 years and replications, float64 values, bool
/// met), for pandas, R and DuckDB; a compare adds the tables of all its scenarios together and the goal summary.
/// </summary>
public static class ParquetFiles
{
    public const string Indicators = "indicators.parquet", Goals = "goals.parquet", GoalSummary = "goal_summary.parquet";

    public sealed class IndicatorRow
    {
        [JsonPropertyName("scenario")] public string Scenario { get; set; } = "";
        [JsonPropertyName("replication")] public int Replication { get; set; }
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("indicator")] public string Indicator { get; set; } = "";
        [JsonPropertyName("value")] public double Value { get; set; }
    }

    public sealed class GoalRow
    {
        [JsonPropertyName("scenario")] public string Scenario { get; set; } = "";
        [JsonPropertyName("replication")] public int Replication { get; set; }
        [JsonPropertyName("goal")] public string Goal { get; set; } = "";
        [JsonPropertyName("target")] public double Target { get; set; }
        [JsonPropertyName("value")] public double Value { get; set; }
        [JsonPropertyName("met")] public bool Met { get; set; }
    }

    public sealed class GoalSummaryRow
    {
        [JsonPropertyName("goal")] public string Goal { get; set; } = "";
        [JsonPropertyName("scenario")] public string Scenario { get; set; } = "";
        [JsonPropertyName("met")] public int Met { get; set; }
        [JsonPropertyName("replications")] public int Replications { get; set; }
        [JsonPropertyName("probability")] public double Probability { get; set; }
        [JsonPropertyName("probability_lower")] public double ProbabilityLower { get; set; }
        [JsonPropertyName("probability_upper")] public double ProbabilityUpper { get; set; }
        [JsonPropertyName("difference")] public double? Difference { get; set; }
        [JsonPropertyName("difference_lower")] public double? DifferenceLower { get; set; }
        [JsonPropertyName("difference_upper")] public double? DifferenceUpper { get; set; }
        [JsonPropertyName("significant")] public bool? Significant { get; set; }
    }

    public static IEnumerable<IndicatorRow> IndicatorRows(RunRecord r) =>
        from o in r.Outcomes
        from year in Enumerable.Range(o.Indicators.FirstYear, o.Indicators.LastYear - o.Indicators.FirstYear + 1)
        from i in Model.Indicators.All
        let v = o.Indicators[year, i]
        where !double.IsNaN(v)
        select new IndicatorRow { Scenario = r.Scenario, Replication = o.Replication, Year = year, Indicator = i.Name, Value = v };

    public static IEnumerable<GoalRow> GoalRows(RunRecord r) =>
        from o in r.Outcomes
        from g in o.Goals
        select new GoalRow { Scenario = r.Scenario, Replication = o.Replication, Goal = g.Goal, Target = g.Target, Value = g.Value, Met = g.Met };

    public static IEnumerable<GoalSummaryRow> SummaryRows(ScenarioComparison c) =>
        from g in c.Goals
        from cell in g.Cells
        select new GoalSummaryRow
        {
            Goal = g.Goal, Scenario = cell.Scenario, Met = cell.Met, Replications = cell.Replications,
            Probability = cell.Probability.Estimate, ProbabilityLower = cell.Probability.Lower, ProbabilityUpper = cell.Probability.Upper,
            Difference = cell.Difference?.Estimate, DifferenceLower = cell.Difference?.Lower, DifferenceUpper = cell.Difference?.Upper,
            Significant = cell.Difference?.ExcludesZero,
        };

    /// <summary>indicators.parquet and goals.parquet of one run, under <paramref name="prefix"/>.</summary>
    public static void WriteRun(RunFolder folder, string prefix, RunRecord record)
    {
        Write(folder, Path.Combine(prefix, Indicators), IndicatorRows(record));
        Write(folder, Path.Combine(prefix, Goals), GoalRows(record));
    }

    /// <summary>The compare's own tables: every scenario's indicators and goals in one file each, and the goal summary.</summary>
    public static void WriteComparison(RunFolder folder, ScenarioComparison c)
    {
        Write(folder, Indicators, c.Runs.SelectMany(IndicatorRows));
        Write(folder, Goals, c.Runs.SelectMany(GoalRows));
        Write(folder, GoalSummary, SummaryRows(c));
    }

    private static void Write<T>(RunFolder folder, string name, IEnumerable<T> rows) where T : new() =>
        folder.WriteBytes(name, Serialize(rows.ToList()));

    public static byte[] Serialize<T>(IReadOnlyCollection<T> rows) where T : new()
    {
        using var stream = new MemoryStream();
        // A console command with no synchronisation context: waiting here cannot deadlock.
        ParquetSerializer.SerializeAsync(rows, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
