using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Commands;
using ZjSim.Model;

namespace ZjSim.Client.Output;

/// <summary>The tables printed at the end of a run: goals met in k of N replications, and median indicators by year.</summary>
public static class RunReport
{
    private static readonly Indicator[] Shown =
    [
        Indicator.CoverageAboveSize, Indicator.CoverageKeySme, Indicator.IndustryBrains, Indicator.FutureFactories,
        Indicator.SmartFactories, Indicator.PlatformCoverage10b, Indicator.DigitalEconomyValue, Indicator.CoreIndustryValue,
        Indicator.ScienceProjects, Indicator.InnovationAchievements, Indicator.DigitalClusters100b,
    ];

    public static void Print(IAnsiConsole console, RunResult r)
    {
        int n = r.Outcomes.Length;
        var goals = new Table().Border(TableBorder.Simple).Title($"2027 goals — {Markup.Escape(r.Plan.Scenario.Name)}, {n} replications, seed {r.Plan.Request.Seed}")
            .AddColumn("goal").AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("met").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned());
        foreach (var g in r.Goals)
        {
            int index = Array.FindIndex(r.Outcomes[0].Goals, x => x.Goal == g.Goal);
            double median = Median(r.Outcomes.Select(o => o.Goals[index].Value));
            double share = (double)g.Met / g.Replications;
            string colour = share >= 0.9 ? "green" : share >= 0.5 ? "yellow" : "red";
            Indicators.TryParse(r.Plan.Goals.Goals.First(x => x.Name == g.Goal).Indicator, out var indicator);
            goals.AddRow(g.Goal, Format(g.Target, indicator), Format(median, indicator), $"{g.Met} of {g.Replications}", $"[{colour}]{share:P0}[/]");
        }
        console.Write(goals);

        var first = r.Outcomes[0].Indicators;
        var table = new Table().Border(TableBorder.Simple).Title("Indicators by year (median over replications)")
            .AddColumn(new TableColumn("indicator").NoWrap());
        for (int y = first.FirstYear; y <= first.LastYear; y++) table.AddColumn(new TableColumn(y.ToString(CultureInfo.InvariantCulture)) { Padding = new Padding(1, 0, 0, 0) }.RightAligned().NoWrap());
        foreach (var i in Shown)
        {
            var cells = new List<string> { i.Name() };
            for (int y = first.FirstYear; y <= first.LastYear; y++)
            {
                double m = Median(r.Outcomes.Select(o => o.Indicators[y, i]));
                cells.Add(double.IsNaN(m) ? "–" : Format(m, i));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.MarkupLine($"{r.EnterpriseYears:N0} enterprise-years in {r.SimulationSeconds:0.00} s on {Markup.Escape(r.HostDescription)}");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Compact enough that a year fits in 7 characters and the table in 80 columns.</summary>
    public static string Format(double v, Indicator i) => i switch
    {
        Indicator.CoverageAboveSize or Indicator.CoverageKeySme or Indicator.PlatformCoverage10b or Indicator.AdoptionIndex
            => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ when v != Math.Floor(v) && Math.Abs(v) < 100 => v.ToString("0.#", CultureInfo.InvariantCulture),
        _ => v.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
