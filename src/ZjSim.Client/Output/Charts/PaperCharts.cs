using ZjSim.Client.Results;
using ZjSim.Model;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// The charts of a run or a compare under charts/: one figure per shown indicator and the goal chances, each as
/// PNG and SVG.
/// </summary>
public static class PaperCharts
{
    public const string Folder = "charts", GoalChart = "goal_probabilities";

    public static ChartCaption CaptionOf(IReadOnlyList<RunRecord> runs) =>
        new(runs.Select(r => r.Scenario).ToArray(), runs.Min(r => r.Replications), runs[0].Seed, runs[0].Scale, ResultFiles.Commit);

    /// <summary>The year the goals are read in (the last goal year the runs cover).</summary>
    public static int GoalYear(RunRecord run) => Math.Min(run.LastYear, run.Goals.Count > 0 ? run.Goals.Max(g => g.Year) : run.LastYear);

    public static IReadOnlyList<Figure> Figures(IReadOnlyList<RunRecord> runs, out IReadOnlyList<string> names)
    {
        var caption = CaptionOf(runs);
        var figures = new List<Figure>();
        var list = new List<string>();
        foreach (var indicator in Indicators.All.Where(i => i.Shown))
        {
            figures.Add(IndicatorFigure.Build(runs, indicator, caption));
            list.Add(indicator.Name);
        }
        figures.Add(GoalProbabilityFigure.Build(runs, GoalYear(runs[0]), caption));
        list.Add(GoalChart);
        names = list;
        return figures;
    }

    /// <summary>Writes every chart (PNG and SVG); returns the written paths relative to the folder.</summary>
    public static IReadOnlyList<string> Write(RunFolder folder, IReadOnlyList<RunRecord> runs)
    {
        var figures = Figures(runs, out var names);
        return figures.Zip(names).SelectMany(f => f.First.Write(folder, Path.Combine(Folder, f.Second))).ToList();
    }
}
