using System.Globalization;
using Spectre.Console;
using ZjSim.Model.Calibration;

namespace ZjSim.Client.Output;

/// <summary>Observed series against the simulation: backtest's bands, calibration's fit.</summary>
public static class HistoricalReport
{
    /// <summary>A table per simulated series: each year end (and observed date), observed, median and 90% band.</summary>
    public static void PrintBacktest(IAnsiConsole console, ObservedData data, IReadOnlyList<BacktestRow> rows)
    {
        foreach (var series in data.Series.Where(s => s.IsSimulated))
        {
            var table = new Table().Border(TableBorder.Simple)
                .Title($"{series.Name} ({series.Unit})")
                .AddColumn(new TableColumn("date").NoWrap())
                .AddColumn(new TableColumn("observed").RightAligned())
                .AddColumn(new TableColumn("median").RightAligned())
                .AddColumn(new TableColumn("90% band").RightAligned())
                .AddColumn(new TableColumn("fitted").Centered())
                .AddColumn(new TableColumn("in 90%").Centered());
            foreach (var r in rows.Where(r => r.Series == series.Name))
            {
                string observed = r.Observed is null ? "–" : (r.Observed.IsLowerBound ? "> " : "") + Format(r.Observed.Value, series.Unit);
                string band = $"{Format(r.Low, series.Unit)}–{Format(r.High, series.Unit)}";
                string fit = r.Observed is null ? "" : r.InFit ? "yes" : r.IsStart ? "start" : "no";
                string inside = r.Inside90 switch { true => "yes", false => "NO", null => "" };
                table.AddRow(Markup.Escape(r.Date), observed, Format(r.Median, series.Unit), band, fit, inside);
            }
            console.Write(table);
            foreach (var note in Notes(series)) console.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
        }
        var other = data.Series.Where(s => !s.IsSimulated).ToList();
        if (other.Count > 0)
        {
            console.MarkupLine("Observed, with no counterpart in the model:");
            foreach (var s in other)
                console.MarkupLine($"  {Markup.Escape(s.Name)}: {Markup.Escape(string.Join(", ", s.Points.Select(p => $"{p.AsOf} {Format(p.Value, s.Unit)}")))} [grey]({Markup.Escape(s.Note ?? "")})[/]");
        }
    }

    /// <summary>
    /// The closing line of a posterior predictive check: how many observations (start values aside) lie inside their 90%
    /// and 50% bands, against the count a calibrated predictive distribution would put there.
    /// </summary>
    public static string CoverageLine(IReadOnlyList<BacktestRow> rows)
    {
        var checkedRows = rows.Where(r => r.IsChecked).ToList();
        int n = checkedRows.Count, in90 = checkedRows.Count(r => r.Inside90 == true), in50 = checkedRows.Count(r => r.Inside50 == true);
        string E(double level) => (level * n).ToString("0.#", CultureInfo.InvariantCulture);
        return $"Inside the 90% band: {in90} of {n} observations (expected {E(0.9)}); inside the 50% band: {in50} of {n} (expected {E(0.5)}). "
            + "A \"more than\" figure is inside when the band's upper end reaches it.";
    }

    /// <summary>Each fitted point, under its series' name: observed, simulated mean, relative error.</summary>
    private static IEnumerable<string> Notes(ObservedSeries s)
    {
        if (s.Note is not null) yield return $"{s.Name}: {s.Note}.";
        foreach (var p in s.Points.Where(p => p.Note is not null)) yield return $"{p.AsOf}: {p.Note}.";
        foreach (var p in s.Points.Where(p => p.IsLowerBound)) yield return $"{p.AsOf}: \"more than\" {Format(p.Value, s.Unit)}: only a shortfall counts as an error.";
    }

    public static string Format(double v, string unit) => unit switch
    {
        _ when double.IsNaN(v) => "–",
        "share" => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ when Math.Abs(v) >= 10 => v.ToString("#,0", CultureInfo.InvariantCulture),
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
