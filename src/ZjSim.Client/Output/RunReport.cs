using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Results;
using ZjSim.Model;

namespace ZjSim.Client.Output;

/// <summary>The tables of a run: goals met in k of N replications, and median indicators by year.</summary>
public static class RunReport
{
    /// <summary>The indicators the console's tables show, in catalogue order.</summary>
    public static readonly Indicator[] Shown = Indicators.All.Where(i => i.Shown).ToArray();

    public static void Print(IAnsiConsole console, RunRecord r)
    {
        int n = r.Replications;
        string partial = r.Partial ? $" (partial: {n} of {r.RequestedReplications})" : "";
        var goals = new Table().Border(TableBorder.Simple)
            .Title($"2027 goals — {Markup.Escape(r.Scenario)}, {n} replications{partial}, seed {r.Seed}")
            .AddColumn("goal").AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("met").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned());
        for (int g = 0; g < r.Goals.Count; g++)
        {
            var goal = r.Goals[g];
            Indicators.TryParse(goal.Indicator, out var indicator);
            int met = r.Outcomes.Count(o => o.Goals[g].Met);
            double median = Median(r.Outcomes.Select(o => o.Goals[g].Value));
            double target = r.Outcomes.Length > 0 ? r.Outcomes[0].Goals[g].Target : goal.Target;
            double share = n == 0 ? 0 : (double)met / n;
            string colour = share >= 0.9 ? "green" : share >= 0.5 ? "yellow" : "red";
            goals.AddRow(goal.Name, indicator.Format(target), indicator.Format(median), $"{met} of {n}", $"[{colour}]{share:P0}[/]");
        }
        console.Write(goals);

        var table = new Table().Border(TableBorder.Simple).Title("Indicators by year (median over replications)")
            .AddColumn(new TableColumn("indicator").NoWrap());
        for (int y = r.FirstYear; y <= r.LastYear; y++)
            table.AddColumn(new TableColumn(y.ToString(CultureInfo.InvariantCulture)) { Padding = new Padding(1, 0, 0, 0) }.RightAligned().NoWrap());
        foreach (var i in Shown)
        {
            var cells = new List<string> { i.Name };
            for (int y = r.FirstYear; y <= r.LastYear; y++)
            {
                double m = Median(r.Outcomes.Select(o => o.Indicators[y, i]));
                cells.Add(double.IsNaN(m) ? "–" : i.Format(m));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    public static double Median(IEnumerable<double> values) => Model.Analysis.Quantiles.Of(values.ToArray(), 0.5);
}
