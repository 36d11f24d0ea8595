using ScottPlot;
using ZjSim.Model.Analysis;
using ZjSim.Model.Experiments;

namespace ZjSim.Client.Experiments;

/// <summary>The charts of sensitivity (indices with intervals, as bars) and discover (PRIM's peeling trajectory).</summary>
public static class ExplorationCharts
{
    public const int Width = 900, Height = 560;

    /// <summary>Bars per parameter, two series (first/total order or μ*), each with its 95% interval as a whisker.</summary>
    public static byte[] Bars(string title, string yLabel, IReadOnlyList<string> parameters, IReadOnlyList<(string Name, Interval[] Values)> series)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int groups = series.Count;
        for (int p = 0; p < parameters.Count; p++)
            for (int s = 0; s < groups; s++)
            {
                var v = series[s].Values[p];
                if (!double.IsFinite(v.Estimate)) continue;
                double x = p * (groups + 1) + s;
                plot.Add.Bar(new Bar { Position = x, Value = v.Estimate, FillColor = palette.GetColor(s), Size = 0.9 });
                if (double.IsFinite(v.Lower) && double.IsFinite(v.Upper))
                {
                    var whisker = plot.Add.Line(x, v.Lower, x, v.Upper);
                    whisker.Color = Colors.Black;
                    whisker.LineWidth = 2;
                }
            }
        for (int s = 0; s < groups; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name + " (95% interval)", FillColor = palette.GetColor(s) });
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, parameters.Count).Select(p => p * (groups + 1) + (groups - 1) / 2.0).ToArray(),
            parameters.ToArray());
        // Slanted down and away from the bars (a label slanted up ran over the next parameter's bars).
        plot.Axes.Bottom.TickLabelStyle.Rotation = 25;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Right.MinimumSize = 90;   // room for the last label's tail
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height + 80, ImageFormat.Png);
    }

    /// <summary>Coverage against density along the peeling, the chosen box marked.</summary>
    public static byte[] Peeling(string title, PrimResult result)
    {
        var plot = new Plot();
        var coverage = result.Trajectory.Select(b => b.Coverage).ToArray();
        var density = result.Trajectory.Select(b => b.Density).ToArray();
        var line = plot.Add.Scatter(coverage, density);
        line.LegendText = "peeling trajectory (each box)";
        line.LineWidth = 1.5f;
        var chosen = plot.Add.Marker(result.Box.Coverage, result.Box.Density);
        chosen.Color = Colors.Red;
        chosen.Size = 12;
        chosen.LegendText = $"chosen box (step {result.Box.Step})";
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        plot.Title(title);
        plot.XLabel("coverage (share of cases of interest inside the box)");
        plot.YLabel("density (share of the box's cases of interest)");
        plot.ShowLegend(Alignment.LowerLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
