using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Model;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Comparison;

/// <summary>
/// The two comparison tables, in long form (a row per goal and scenario) so they stay readable in an
/// 80-column terminal however many scenarios there are.
/// </summary>
public static class ComparisonReport
{
    public static void Print(IAnsiConsole console, ScenarioComparison c)
    {
        var first = c.Runs[0].Scenario;
        string pairing = c.Paired
            ? $"paired over {c.PairedReplications} common replications (common random numbers, seed {c.Runs[0].Seed})"
            : "unpaired (different seeds or scales): differences use independent-sample intervals";
        var goals = Narrow(new Table()
            .Title($"P(goal met in {c.Year}) with 95% Wilson interval; Δ vs {Markup.Escape(first)} in points, 95% interval")
            .Caption($"{pairing}; * marks a difference whose interval excludes 0"),
            ("goal", false), ("scenario", false), ("P(met)", true), ($"Δ vs {Markup.Escape(first)}", true));
        foreach (var row in c.Goals)
        {
            for (int s = 0; s < row.Cells.Count; s++)
            {
                var cell = row.Cells[s];
                goals.AddRow(s == 0 ? row.Goal : "", Markup.Escape(cell.Scenario), Percent(cell.Probability),
                    cell.Difference is Interval d ? Difference(d) : "");
            }
        }
        console.Write(goals);

        // The goal's target sits under the indicator's name, to keep the table within 80 columns.
        var indicators = Narrow(new Table()
            .Title($"Indicators in {c.Year}: median, 5–95% range, first year the median meets the goal"),
            ("indicator", false), ("scenario", false), ("median", true), ("5–95%", true), ("meets", true));
        foreach (var row in c.Indicators)
        {
            for (int s = 0; s < row.Cells.Count; s++)
            {
                var cell = row.Cells[s];
                string label = s == 0 ? row.Indicator.Name
                    : s == 1 && row.Target is double t ? $"  goal {row.Indicator.Format(t)}" : "";
                indicators.AddRow(label, Markup.Escape(cell.Scenario),
                    row.Indicator.Format(cell.Median),
                    $"{row.Indicator.Format(cell.P05)}–{row.Indicator.Format(cell.P95)}",
                    row.Target is null ? "" : cell.YearMedianMeetsTarget?.ToString(CultureInfo.InvariantCulture) ?? "never");
            }
        }
        console.Write(indicators);
    }

    private static Table Narrow(Table table, params (string Header, bool Right)[] columns)
    {
        table.Border(TableBorder.Simple);
        foreach (var (header, right) in columns)
        {
            var column = new TableColumn(header) { Padding = new Padding(1, 0, 1, 0) }.NoWrap();
            table.AddColumn(right ? column.RightAligned() : column);
        }
        return table;
    }

    public static string Percent(Interval p) =>
        $"{p.Estimate * 100:0}% ({p.Lower * 100:0}–{p.Upper * 100:0})";

    public static string Difference(Interval d) =>
        $"{Signed(d.Estimate)} ({Signed(d.Lower)},{Signed(d.Upper)}){(d.ExcludesZero ? "*" : " ")}";

    private static string Signed(double x)
    {
        double points = Math.Round(x * 100);
        return points == 0 ? "0" : points.ToString("+0;−0", CultureInfo.InvariantCulture);
    }
}
