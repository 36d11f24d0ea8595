using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Spectre.Console;
using ZjSim.Client.Experiments;
using ZjSim.Model.Analysis;
using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim sensitivity DIR`: for a Saltelli experiment, Sobol' first-order (Saltelli 2010) and total-order (Jansen 1999)
/// indices with bootstrap 95% intervals; for a Morris experiment, μ* (with its interval) and σ. For each goal's
/// probability and each indicator's mean: sensitivity.csv and a bar chart per output under DIR/sensitivity/, and a
/// table sorted by total effect (or μ*) for each goal (or for the one --output).
/// </summary>
public static class SensitivityCommand
{
    public static ExplorationCommand Define()
    {
        var dir = new Argument<string>("DIR") { Description = "An experiment folder (zjsim experiment) with a saltelli or morris design" };
        var output = new Option<string?>("--output") { Description = "Print only this output's table: a goal as P(GOAL), or an indicator name" };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the intervals", DefaultValueFactory = _ => 1000 };
        var command = new Command("sensitivity", "Sobol' (Saltelli design) or Morris (Morris design) sensitivity of each goal and indicator to the varied parameters")
        {
            dir, output, resamples,
        };
        return new ExplorationCommand(command, (parsed, _, _, console, error, _) =>
            Task.FromResult(Execute(parsed.GetValue(dir)!, parsed.GetValue(output), parsed.GetValue(resamples), console, error)));
    }

    public sealed record Row(string Output, string Parameter, Interval First, Interval Total, double Sigma);

    public static int Execute(string dir, string? only, int resamples, IAnsiConsole console, TextWriter error)
    {
        ExperimentData data;
        try
        {
            if (resamples < 100) throw new UsageException($"--resamples: at least 100 (got {resamples})");
            data = ExperimentData.Load(dir);
            if (data.Design.Sampler is not (Sampler.Saltelli or Sampler.Morris))
                throw new UsageException($"{dir}: a {data.Design.Sampler.ToString().ToLowerInvariant()} design has no sensitivity analysis here; use \"sampler\": \"saltelli\" (Sobol' indices) or \"morris\" (elementary effects)");
            if (data.Partial || data.Points.Count != data.Design.PointCount)
                throw new UsageException($"{dir}: the experiment is partial ({data.Points.Count} of {data.Design.PointCount} points); finish it with zjsim experiment --resume {dir}");
            if (only is not null && data.Outputs().All(o => o.Name != only))
                throw new UsageException($"--output: '{only}' is not an output (known: {string.Join(", ", data.Outputs().Select(o => o.Name))})");
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim sensitivity: {e.Message}");
            return ExitCodes.BadInput;
        }

        bool sobol = data.Design.Sampler == Sampler.Saltelli;
        var names = data.Design.Paths;
        var rows = new List<Row>();
        var unit = sobol ? null : data.Design.UnitPoints();
        foreach (var (name, perPoint) in data.Outputs())
        {
            if (perPoint.Any(double.IsNaN) || perPoint.All(v => v == perPoint[0])) continue;   // undefined or constant: nothing to apportion
            if (sobol)
                rows.AddRange(SobolIndices.Analyze(perPoint, names, resamples, data.Design.Seed)
                    .Select(i => new Row(name, i.Parameter, i.FirstOrder, i.TotalOrder, double.NaN)));
            else
                rows.AddRange(ElementaryEffects.Analyze(unit!, perPoint, names, resamples, data.Design.Seed)
                    .Select(e => new Row(name, e.Parameter, new Interval(e.Mu, double.NaN, double.NaN), e.MuStar, e.Sigma)));
        }

        string folder = Path.Combine(data.Folder.Path, "sensitivity");
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        WriteCsv(Path.Combine(folder, "sensitivity.csv"), rows, sobol);
        foreach (var group in rows.GroupBy(r => r.Output))
        {
            var list = group.OrderByDescending(r => r.Total.Estimate).ToList();
            var series = sobol
                ? new List<(string, Interval[])> { ("first order S1", list.Select(r => r.First).ToArray()), ("total order ST", list.Select(r => r.Total).ToArray()) }
                : [("μ*", list.Select(r => r.Total).ToArray())];
            File.WriteAllBytes(Path.Combine(folder, "charts", FileName(group.Key) + ".png"),
                ExplorationCharts.Bars($"{(sobol ? "Sobol' indices" : "Morris μ*")} of {group.Key}", sobol ? "share of variance" : "mean |elementary effect| (per whole range)",
                    list.Select(r => r.Parameter).ToArray(), series));
        }

        var shown = rows.GroupBy(r => r.Output).Where(g => only is null ? g.Key.StartsWith("P(", StringComparison.Ordinal) : g.Key == only);
        foreach (var group in shown)
        {
            var table = new Table().Title(Markup.Escape(group.Key)).AddColumn("parameter");
            if (sobol) table.AddColumns("total ST", "95% interval", "first S1", "95% interval");
            else table.AddColumns("μ*", "95% interval", "μ", "σ");
            foreach (var r in group.OrderByDescending(r => r.Total.Estimate))
                table.AddRow(sobol
                    ? [Markup.Escape(r.Parameter), F(r.Total.Estimate), Range(r.Total), F(r.First.Estimate), Range(r.First)]
                    : [Markup.Escape(r.Parameter), F(r.Total.Estimate), Range(r.Total), F(r.First.Estimate), F(r.Sigma)]);
            console.Write(table);
        }
        var constant = data.Outputs().Select(o => o.Name).Except(rows.Select(r => r.Output)).ToList();
        if (constant.Count > 0) console.MarkupLine($"[grey]Not analysed (the same at every point, or undefined in some): {Markup.Escape(string.Join(", ", constant))}[/]");
        console.MarkupLine(sobol
            ? "S1: share of the output's variance over the design due to the parameter alone; ST: including its interactions. Outputs that do not vary have no indices (blank)."
            : "μ*: mean absolute change of the output when the parameter moves over its whole range (one step scaled up); σ large against μ* means interactions or non-linearity.");
        console.MarkupLine($"Written to [bold]{Markup.Escape(folder)}[/] (sensitivity.csv, charts/)");
        return ExitCodes.Ok;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";
    private static string Range(Interval i) => double.IsFinite(i.Lower) ? $"[[{F(i.Lower)}, {F(i.Upper)}]]" : "";

    public static string FileName(string output) => new(output.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());

    private static void WriteCsv(string path, IEnumerable<Row> rows, bool sobol)
    {
        static string N(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
        using var csv = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" });
        csv.WriteRecord(sobol
            ? ["output", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"]
            : ["output", "parameter", "mu_star", "mu_star_low", "mu_star_high", "mu", "sigma"]);
        foreach (var r in rows)
            csv.WriteRecord(sobol
                ? [r.Output, r.Parameter, N(r.First.Estimate), N(r.First.Lower), N(r.First.Upper), N(r.Total.Estimate), N(r.Total.Lower), N(r.Total.Upper)]
                : [r.Output, r.Parameter, N(r.Total.Estimate), N(r.Total.Lower), N(r.Total.Upper), N(r.First.Estimate), N(r.Sigma)]);
    }
}
