using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Analysis;
using ZjSim.Model.Goals;

namespace ZjSim.Client.Comparison;

/// <summary>A goal's chance in one scenario, and its difference against the first scenario.</summary>
public sealed record GoalCell(string Scenario, int Met, int Replications, Interval Probability, Interval? Difference, Interval? UnpairedDifference);

public sealed record GoalRow(string Goal, string Reading, IReadOnlyList<GoalCell> Cells);

/// <summary>An indicator in the final goal year in one scenario: median, 5–95% range, and the first year its median meets the target.</summary>
public sealed record IndicatorCell(string Scenario, double Median, double P05, double P95, int? YearMedianMeetsTarget);

public sealed record IndicatorRow(Indicator Indicator, double? Target, IReadOnlyList<IndicatorCell> Cells);

/// <summary>
/// The comparison of several scenarios' runs. With the same seed, replication r of every scenario used
/// the same random streams (common random numbers), so goal differences are paired replication by replication.
/// </summary>
public sealed record ScenarioComparison(
    IReadOnlyList<RunRecord> Runs,
    bool Paired,
    int PairedReplications,
    int Year,
    IReadOnlyList<GoalRow> Goals,
    IReadOnlyList<IndicatorRow> Indicators)
{
    public static readonly Indicator[] Compared = Output.RunReport.Shown;

    public static ScenarioComparison Build(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count < 2) throw new UsageException("compare needs at least two scenarios or runs");
        var first = runs[0];
        foreach (var r in runs.Skip(1))
        {
            if (r.FirstYear != first.FirstYear || r.LastYear != first.LastYear)
                throw new UsageException($"{Label(r)} covers {r.FirstYear}–{r.LastYear} but {Label(first)} covers {first.FirstYear}–{first.LastYear}: runs with different years cannot be compared");
            if (!r.Goals.Select(g => g.Name).SequenceEqual(first.Goals.Select(g => g.Name)))
                throw new UsageException($"{Label(r)} checks different goals from {Label(first)}: they cannot be compared");
            // The same goals read differently (another target, year or indicator) would pass for a policy effect.
            if (r.Goals.Zip(first.Goals).FirstOrDefault(p => p.First != p.Second) is ({ } theirs, { } ours))
                throw new UsageException($"{Label(r)} reads goal '{theirs.Name}' differently from {Label(first)} ({GoalDifference(ours, theirs)}): runs with different goal readings cannot be compared");
            // A smaller world holds fewer enterprises and scales its title targets: its chances are not the province's.
            if (r.Scale != first.Scale)
                throw new UsageException($"{Label(r)} was run at scale {r.Scale} but {Label(first)} at scale {first.Scale}: runs of different scales cannot be compared");
        }
        var duplicate = runs.GroupBy(r => r.Scenario).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null && duplicate.Select(r => r.ScenarioHash).Distinct().Count() > 1)
            throw new UsageException($"{string.Join(" and ", duplicate.Select(Label))} are both named '{duplicate.Key}' but hold different parameters (scenario hashes {string.Join(" and ", duplicate.Select(r => r.ScenarioHash[..Math.Min(12, r.ScenarioHash.Length)]))}): their results could not be told apart");
        if (duplicate is not null) throw new UsageException($"scenario '{duplicate.Key}' is given twice");
        if (runs.Any(r => r.Replications == 0)) throw new UsageException($"{Label(runs.First(r => r.Replications == 0))} holds no replications");

        // Pairs need the same streams: the same seed and scale, and replications both runs finished.
        bool paired = runs.All(r => r.Seed == first.Seed && r.Scale == first.Scale);
        var common = runs.Select(r => r.Outcomes.Select(o => o.Replication)).Aggregate((a, b) => a.Intersect(b)).Order().ToArray();
        paired &= common.Length >= 2;

        int year = Math.Min(first.LastYear, first.Goals.Count > 0 ? first.Goals.Max(g => g.Year) : first.LastYear);
        var goals = first.Goals.Select((g, gi) => GoalRowOf(runs, g, gi, paired, common)).ToList();
        var indicators = Compared.Select(i => IndicatorRowOf(runs, i, year)).ToList();
        return new ScenarioComparison(runs, paired, paired ? common.Length : 0, year, goals, indicators);
    }

    private static GoalRow GoalRowOf(IReadOnlyList<RunRecord> runs, Goal goal, int gi, bool paired, int[] common)
    {
        var cells = new List<GoalCell>();
        var baseline = runs[0];
        int baseMet = baseline.Outcomes.Count(o => o.Goals[gi].Met);
        for (int s = 0; s < runs.Count; s++)
        {
            var r = runs[s];
            int met = r.Outcomes.Count(o => o.Goals[gi].Met);
            Interval? diff = null, unpaired = null;
            if (s > 0)
            {
                unpaired = PairedDifference.UnpairedProportions(baseMet, baseline.Replications, met, r.Replications);
                diff = paired
                    ? PairedDifference.Proportions(MetIn(baseline, gi, common), MetIn(r, gi, common))
                    : unpaired;
            }
            cells.Add(new GoalCell(r.Scenario, met, r.Replications, Proportion.Wilson(met, r.Replications), diff, unpaired));
        }
        return new GoalRow(goal.Name, goal.Reading, cells);
    }

    private static bool[] MetIn(RunRecord r, int gi, int[] replications)
    {
        var byReplication = r.Outcomes.ToDictionary(o => o.Replication);
        return replications.Select(rep => byReplication[rep].Goals[gi].Met).ToArray();
    }

    private static IndicatorRow IndicatorRowOf(IReadOnlyList<RunRecord> runs, Indicator indicator, int year)
    {
        var goal = runs[0].Goals.Select((g, i) => (g, i)).FirstOrDefault(x => x.g.Indicator == indicator.Name);
        double? target = goal.g is null ? null : runs[0].Outcomes[0].Goals[goal.i].Target;
        var cells = runs.Select(r =>
        {
            var values = r.Outcomes.Select(o => o.Indicators[year, indicator]).Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
            int? reaches = null;
            if (goal.g is not null)
                for (int y = r.FirstYear; y <= r.LastYear && reaches is null; y++)
                {
                    double median = Quantiles.Of(r.Outcomes.Select(o => o.Indicators[y, indicator]).ToArray(), 0.5);
                    if (!double.IsNaN(median) && (goal.g.Comparison == ">" ? median > target : median >= target)) reaches = y;
                }
            return new IndicatorCell(r.Scenario, Quantiles.OfSorted(values, 0.5), Quantiles.OfSorted(values, 0.05), Quantiles.OfSorted(values, 0.95), reaches);
        }).ToList();
        return new IndicatorRow(indicator, target, cells);
    }

    private static string Label(RunRecord r) => r.Folder ?? r.Scenario;

    private static string GoalDifference(Goal a, Goal b) =>
        a.Indicator != b.Indicator ? $"indicator {a.Indicator} against {b.Indicator}"
        : a.Comparison != b.Comparison || a.Target != b.Target ? $"{a.Comparison} {a.Target} against {b.Comparison} {b.Target}"
        : a.Year != b.Year || a.Mode != b.Mode || a.FromYear != b.FromYear ? $"in {a.Year} ({a.Mode}) against {b.Year} ({b.Mode})"
        : a.ScalesWithWorld != b.ScalesWithWorld ? "one scales with the world, the other does not"
        : "their readings differ";
}
