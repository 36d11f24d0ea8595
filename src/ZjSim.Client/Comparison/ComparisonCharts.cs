using ScottPlot;
using ZjSim.Client.Output;
using ZjSim.Model;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Comparison;

/// <summary>
/// PNG charts under DIR/charts: per indicator, each scenario's median and 5–95% band over the years with
/// the goal's target; and the goal probabilities with their 95% intervals.
/// </summary>
public static class ComparisonCharts
{
    public const string Folder = "charts";
    public const int Width = 900, Height = 560;

    public static IReadOnlyList<string> Write(RunFolder folder, ScenarioComparison c)
    {
        var written = new List<string>();
        foreach (var row in c.Indicators)
        {
            string name = Path.Combine(Folder, row.Indicator.Name + ".png");
            folder.WriteBytes(name, IndicatorChart(c, row).GetImageBytes(Width, Height, ImageFormat.Png));
            written.Add(name);
        }
        string goals = Path.Combine(Folder, "goal_probabilities.png");
        folder.WriteBytes(goals, GoalChart(c).GetImageBytes(Width + 300, Height, ImageFormat.Png));
        written.Add(goals);
        return written;
    }

    private static Color ColorOf(int scenario) => new ScottPlot.Palettes.Category10().GetColor(scenario);

    public static Plot IndicatorChart(ScenarioComparison c, IndicatorRow row)
    {
        var plot = new Plot();
        var first = c.Runs[0];
        double[] years = Enumerable.Range(first.FirstYear, first.LastYear - first.FirstYear + 1).Select(y => (double)y).ToArray();
        for (int s = 0; s < c.Runs.Count; s++)
        {
            var r = c.Runs[s];
            var (xs, median, low, high) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            foreach (var y in years)
            {
                var values = r.Outcomes.Select(o => o.Indicators[(int)y, row.Indicator]).Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
                if (values.Length == 0) continue;
                xs.Add(y);
                median.Add(Quantiles.OfSorted(values, 0.5));
                low.Add(Quantiles.OfSorted(values, 0.05));
                high.Add(Quantiles.OfSorted(values, 0.95));
            }
            if (xs.Count == 0) continue;
            var color = ColorOf(s);
            var band = plot.Add.FillY(xs.ToArray(), low.ToArray(), high.ToArray());
            band.FillColor = color.WithAlpha(0.18);
            band.LineColor = color.WithAlpha(0.0);
            var line = plot.Add.Scatter(xs.ToArray(), median.ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = $"{r.Scenario} (median, 5–95%)";
        }
        if (row.Target is double target)
        {
            var t = plot.Add.HorizontalLine(target);
            t.LinePattern = LinePattern.Dashed;
            t.Color = Colors.Black;
            t.LegendText = $"{c.Year} target";
        }
        plot.Axes.Bottom.SetTicks(years, years.Select(y => ((int)y).ToString()).ToArray());
        plot.Title(row.Indicator.Name);
        plot.XLabel("year");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot GoalChart(ScenarioComparison c)
    {
        var plot = new Plot();
        int scenarios = c.Runs.Count;
        var ticks = new List<(double, string)>();
        for (int g = 0; g < c.Goals.Count; g++)
        {
            double groupStart = g * (scenarios + 1);
            for (int s = 0; s < scenarios; s++)
            {
                var cell = c.Goals[g].Cells[s];
                double x = groupStart + s;
                var bar = plot.Add.Bar(new Bar { Position = x, Value = cell.Probability.Estimate, FillColor = ColorOf(s), Size = 0.9 });
                var interval = plot.Add.Line(x, cell.Probability.Lower, x, cell.Probability.Upper);
                interval.Color = Colors.Black;
                interval.LineWidth = 2;
            }
            ticks.Add((groupStart + (scenarios - 1) / 2.0, c.Goals[g].Goal));
        }
        for (int s = 0; s < scenarios; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = c.Runs[s].Scenario, FillColor = ColorOf(s) });
        plot.Axes.Bottom.SetTicks(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 120;
        plot.Axes.SetLimitsY(0, 1.25);   // headroom for the legend above the bars
        plot.YLabel("P(goal met), 95% interval");
        plot.Title($"Goal probabilities in {c.Year}");
        plot.ShowLegend(Alignment.UpperCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}
