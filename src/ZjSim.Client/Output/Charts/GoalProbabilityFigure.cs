using System.Globalization;
using ScottPlot;
using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// The chance of each goal, per scenario: horizontal bars on 0–100% with their 95% Wilson intervals, each bar
/// labelled with its value so a 0% bar is as visible as a full one, and goals named by their indicator's title.
/// </summary>
public static class GoalProbabilityFigure
{
    /// <summary>Colour-blind-safe and distinct in grey print (Okabe–Ito).</summary>
    public static readonly Color[] Palette =
        [new(0x00, 0x72, 0xB2), new(0xE6, 0x9F, 0x00), new(0x00, 0x9E, 0x73), new(0xCC, 0x79, 0xA7), new(0x56, 0xB4, 0xE9), new(0xD5, 0x5E, 0x00)];

    public static Color ColorOf(int scenario) => Palette[scenario % Palette.Length];

    /// <summary>"Coverage of key-sub-sector SMEs ≥ 99.0%": a goal as a reader names it.</summary>
    public static string Label(RunRecord run, int g)
    {
        var goal = run.Goals[g];
        Indicators.TryParse(goal.Indicator, out var indicator);
        double target = run.Outcomes.Length > 0 ? run.Outcomes[0].Goals[g].Target : goal.Target;
        string comparison = goal.Comparison == ">" ? ">" : "≥";
        string every = goal.Mode == Model.Goals.GoalMode.EveryYear ? $" every year {goal.FromYear}–{goal.Year}" : "";
        return $"{indicator.Title} {comparison} {indicator.Format(target)}{every}";
    }

    public static Figure Build(IReadOnlyList<RunRecord> runs, int year, ChartCaption caption)
    {
        var plot = new Plot();
        int scenarios = runs.Count, goals = runs[0].Goals.Count;
        var ticks = new List<(double Position, string Label)>();
        const double barSize = 0.8;
        for (int g = 0; g < goals; g++)
        {
            // Goal 0 at the top: positions fall as goals go on.
            double groupTop = -g * (scenarios + 0.8);
            for (int s = 0; s < scenarios; s++)
            {
                var run = runs[s];
                int met = run.Outcomes.Count(o => o.Goals[g].Met);
                var p = Proportion.Wilson(met, run.Replications);
                double y = groupTop - s;
                var bars = plot.Add.Bars(new[] { new Bar { Position = y, Value = p.Estimate * 100, FillColor = ColorOf(s), Size = barSize, LineWidth = 0 } });
                bars.Horizontal = true;
                var interval = plot.Add.Line(p.Lower * 100, y, p.Upper * 100, y);
                interval.Color = Colors.Black;
                interval.LineWidth = 1.5f;
                foreach (double end in new[] { p.Lower * 100, p.Upper * 100 })
                {
                    var cap = plot.Add.Line(end, y - 0.25, end, y + 0.25);
                    cap.Color = Colors.Black;
                    cap.LineWidth = 1.5f;
                }
                var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{p.Estimate * 100:0}% ({met}/{run.Replications})"), p.Upper * 100 + 1.2, y);
                text.LabelFontSize = 11;
                text.LabelAlignment = Alignment.MiddleLeft;
                text.LabelFontColor = Colors.Black;
                text.LabelFontName = Figure.FontFamily;
                // A 0% bar has no width: a swatch at the axis still says whose bar it is.
                plot.Add.Marker(0.6, y, MarkerShape.FilledSquare, 8, ColorOf(s));
            }
            ticks.Add((groupTop - (scenarios - 1) / 2.0, Label(runs[0], g)));
        }
        plot.Axes.Left.SetTicks(ticks.Select(t => t.Position).ToArray(), ticks.Select(t => t.Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        double lowest = -(goals - 1) * (scenarios + 0.8) - (scenarios - 1);
        plot.Axes.SetLimits(0, 118, lowest - 0.8, 0.8);   // past 100% for the value labels
        double[] percents = [0, 20, 40, 60, 80, 100];
        plot.Axes.Bottom.SetTicks(percents, percents.Select(v => $"{v:0}%").ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.XLabel($"P(goal met in {year}) with 95% Wilson interval", 13);
        var hundred = plot.Add.VerticalLine(100);
        hundred.Color = Colors.Gray;
        hundred.LineWidth = 1;
        hundred.LinePattern = LinePattern.Dotted;
        if (scenarios > 1)
        {
            for (int s = 0; s < scenarios; s++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = runs[s].Scenario, FillColor = ColorOf(s) });
            plot.Legend.FontSize = 12;
            plot.Legend.FontName = Figure.FontFamily;
            plot.ShowLegend(Edge.Right);   // beside the bars, never over a label
        }
        return new Figure
        {
            Heading = scenarios == 1
                ? $"Chance of each {year} goal — {runs[0].Scenario}, {runs[0].Replications} replications"
                : $"Chance of each {year} goal by scenario",
            Caption = caption,
            Panels = [plot],
            Width = 1200,
            Height = 44 + 34 + 90 + (int)(goals * (scenarios + 0.8) * (scenarios == 1 ? 30 : 17)),
        };
    }
}
