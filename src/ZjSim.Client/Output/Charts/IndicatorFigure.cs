using ScottPlot;
using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Analysis;
using ZjSim.Model.Goals;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// An indicator over the years, one panel per scenario (small multiples on a shared y axis): the median over
/// replications and its 5–95% band, the first scenario's median as a grey reference in the other panels, and
/// each goal on the indicator as a marker at its year. Title, unit and scale (shares in %) come from the catalogue.
/// </summary>
public static class IndicatorFigure
{
    public static readonly Color Median = new(0x1f, 0x4e, 0x9a), Band = new(0x1f, 0x4e, 0x9a, 0x40),
        Reference = new(0x80, 0x80, 0x80), TargetInk = new(0xc0, 0x1c, 0x28);

    /// <summary>Quantiles over replications of one run's indicator, per year, as shown (shares in %).</summary>
    public sealed record Series(double[] Years, double[] Median, double[] Low, double[] High);

    public static Series SeriesOf(RunRecord run, Indicator indicator)
    {
        var (xs, median, low, high) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (int y = run.FirstYear; y <= run.LastYear; y++)
        {
            var values = run.Outcomes.Select(o => indicator.ToDisplay(o.Indicators[y, indicator])).Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
            if (values.Length == 0) continue;   // a flow is not defined in the base year
            xs.Add(y);
            median.Add(Quantiles.OfSorted(values, 0.5));
            low.Add(Quantiles.OfSorted(values, 0.05));
            high.Add(Quantiles.OfSorted(values, 0.95));
        }
        return new Series(xs.ToArray(), median.ToArray(), low.ToArray(), high.ToArray());
    }

    /// <summary>Each year a goal on this indicator sets a target for, with the target as shown (scaled to the world).</summary>
    public static IReadOnlyList<(int Year, double Target, Goal Goal)> Targets(RunRecord run, Indicator indicator)
    {
        var marks = new List<(int, double, Goal)>();
        for (int g = 0; g < run.Goals.Count; g++)
        {
            var goal = run.Goals[g];
            if (goal.Indicator != indicator.Name || run.Outcomes.Length == 0) continue;
            double target = indicator.ToDisplay(run.Outcomes[0].Goals[g].Target);
            int from = goal.Mode == GoalMode.EveryYear && goal.FromYear is int f ? f : goal.Year;
            for (int y = from; y <= goal.Year; y++) marks.Add((y, target, goal));
        }
        return marks;
    }

    public static Figure Build(IReadOnlyList<RunRecord> runs, Indicator indicator, ChartCaption caption)
    {
        var series = runs.Select(r => SeriesOf(r, indicator)).ToArray();
        var targets = Targets(runs[0], indicator);
        double top = series.SelectMany(s => s.High).Concat(targets.Select(t => t.Target)).DefaultIfEmpty(1).Max();
        double bottom = Math.Min(0, series.SelectMany(s => s.Low).DefaultIfEmpty(0).Min());
        // Shares on a 0–100% scale whatever the data; other kinds from 0 with a little headroom.
        top = indicator.Kind == IndicatorKind.Share ? 102 : top <= 0 ? 1 : top * 1.05;
        int first = runs[0].FirstYear, last = runs[0].LastYear;

        var panels = new List<Plot>();
        for (int s = 0; s < runs.Count; s++)
        {
            var plot = new Plot();
            var d = series[s];
            if (d.Years.Length > 0)
            {
                var band = plot.Add.FillY(d.Years, d.Low, d.High);
                band.FillColor = Band;
                band.LineColor = Colors.Transparent;
                band.LegendText = "5–95% of replications";
                if (s > 0 && series[0].Years.Length > 0)
                {
                    var reference = plot.Add.Scatter(series[0].Years, series[0].Median);
                    reference.Color = Reference;
                    reference.LineWidth = 1.5f;
                    reference.LinePattern = LinePattern.Dashed;
                    reference.MarkerSize = 0;
                    reference.LegendText = $"{runs[0].Scenario} median";
                }
                var line = plot.Add.Scatter(d.Years, d.Median);
                line.Color = Median;
                line.LineWidth = 2.5f;
                line.MarkerSize = 5;
                line.LegendText = "median";
            }
            bool labelled = false;
            foreach (var (year, target, goal) in targets)
            {
                var marker = plot.Add.Marker(year, target, MarkerShape.FilledDiamond, 11, TargetInk);
                if (!labelled)
                {
                    marker.LegendText = goal.Mode == GoalMode.EveryYear
                        ? $"target each year {goal.FromYear}–{goal.Year}: {Shown(indicator, target)}"
                        : $"{goal.Year} target: {Shown(indicator, target)}";
                    labelled = true;
                }
            }
            plot.Axes.SetLimits(first - 0.3, last + 0.3, bottom, top);
            var years = Enumerable.Range(first, last - first + 1).Select(y => (double)y).ToArray();
            plot.Axes.Bottom.SetTicks(years, years.Select(y => ((int)y).ToString()).ToArray());
            plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
            if (indicator.Kind == IndicatorKind.Share)
            {
                double[] percents = [0, 20, 40, 60, 80, 100];
                plot.Axes.Left.SetTicks(percents, percents.Select(v => $"{v:0}%").ToArray());
            }
            plot.Axes.Title.Label.Text = runs.Count > 1 ? runs[s].Scenario : "";
            plot.Axes.Title.Label.FontSize = 15;
            plot.XLabel("year", 13);
            plot.YLabel(YLabel(indicator), 13);
            plot.Legend.FontSize = 11;
            plot.Legend.FontName = Figure.FontFamily;
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);   // under the panel, never over a line
            panels.Add(plot);
        }

        int columns = runs.Count switch { 1 => 1, 2 => 2, 4 => 2, _ => 3 };
        int rows = (runs.Count + columns - 1) / columns;
        return new Figure
        {
            Heading = runs.Count == 1
                ? $"{indicator.Title} — {runs[0].Scenario}"
                : $"{indicator.Title} by scenario",
            Caption = caption,
            Panels = panels,
            Columns = columns,
            Width = columns == 1 ? 900 : 560 * columns,
            Height = 44 + 34 + 470 * rows,
        };
    }

    public static string YLabel(Indicator indicator) => indicator.Unit;

    /// <summary>A shown value (already ×100 for shares) as the tables print it.</summary>
    public static string Shown(Indicator indicator, double shown) =>
        indicator.Format(indicator.Kind == IndicatorKind.Share ? shown / 100 : shown);
}
