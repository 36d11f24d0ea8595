using ScottPlot;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// Simulation-based calibration's rank histograms, one panel per parameter: the counts per bin against the count a
/// uniform rank expects (the line). Flat is calibrated; ∩ too wide (conservative), ∪ too narrow (over-confident).
/// </summary>
public static class RankHistogramFigure
{
    public sealed record Panel(string Label, RankUniformity Uniformity);

    public static Figure Of(IReadOnlyList<Panel> panels, string heading, ChartCaption caption)
    {
        var plots = panels.Select(p =>
        {
            var plot = new Plot();
            var u = p.Uniformity;
            plot.Add.Bars(u.Counts.Select((c, b) => new Bar { Position = b, Value = c, Size = 0.9, LineWidth = 0, FillColor = Colors.SteelBlue }).ToArray());
            for (int b = 0; b < u.Expected.Length; b++)
            {
                var line = plot.Add.Line(b - 0.45, u.Expected[b], b + 0.45, u.Expected[b]);
                line.Color = Colors.Black;
                line.LineWidth = 1.5f;
            }
            plot.Title($"{p.Label}\nχ² {u.ChiSquare:0.0}, p {u.PValue:0.000}", size: 11);
            plot.Axes.Bottom.Label.Text = "rank bin";
            plot.Axes.Left.Label.Text = "replications";
            plot.Axes.SetLimits(-0.6, u.Counts.Length - 0.4, 0, Math.Max(u.Counts.Max(), u.Expected.Max()) * 1.25);
            return plot;
        }).ToList();
        int columns = Math.Min(4, Math.Max(1, plots.Count));
        int rows = (plots.Count + columns - 1) / columns;
        return new Figure { Heading = heading, Caption = caption, Panels = plots, Columns = columns, Width = 300 * columns, Height = 44 + 34 + 260 * rows };
    }
}
