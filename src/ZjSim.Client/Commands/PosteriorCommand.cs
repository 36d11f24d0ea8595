using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Client.Output.Charts;
using ZjSim.Client.Posterior;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim posterior`: what the calibration learned. Reads posterior.csv and posterior.json beside it, prints each
/// parameter's prior and posterior median and 90% interval, how much the record narrowed it and the verdict
/// (identified or not), the strongest weighted correlations, and writes summary.csv and pairs.png to a new folder.
/// </summary>
public static class PosteriorCommand
{
    public const int DefaultTop = 10, MaxPairs = 8;
    public const string SummaryFile = "summary.csv", PairsFile = "pairs.png";

    public static readonly string[] SummaryColumns =
    [
        "path", "short_name", "start_only", "prior", "prior_median", "prior_p05", "prior_p95",
        "posterior_median", "posterior_p05", "posterior_p95", "narrowing", "verdict",
    ];

    public static HistoricalCommand Define()
    {
        var posterior = new Option<string?>("--posterior") { Description = $"The posterior's CSV; its provenance is the same name with .json (default: config/zhejiang/{PosteriorFile.CsvName})" };
        var output = new Option<string?>("--out", "-o") { Description = $"Folder for {SummaryFile} and {PairsFile}; must be new or empty (default: a new folder under runs/)" };
        var top = new Option<int>("--top") { Description = "How many of the strongest correlations to print", DefaultValueFactory = _ => DefaultTop };
        var command = new Command("posterior",
            "What the calibration learned: each parameter's prior and posterior median and 90% interval, how much the record narrowed it, "
            + "the strongest correlations, a pairs plot. " + ParameterNarrowing.Thresholds + ".")
        {
            posterior, output, top,
        };
        return new HistoricalCommand(command, (parsed, config, console, error, _) =>
            Task.FromResult(Execute(parsed.GetValue(posterior), parsed.GetValue(output), parsed.GetValue(top), config, console, error)));
    }

    public static int Execute(string? posteriorOption, string? outOption, int top, string? config, IAnsiConsole console, TextWriter error)
    {
        PosteriorRecord record;
        RunFolder folder;
        try
        {
            if (top < 0) throw new UsageException($"--top: must not be negative (got {top})");
            if (posteriorOption is not null && posteriorOption.Trim().Length == 0) throw new UsageException("--posterior '': must name a file");
            string csv = posteriorOption ?? PosteriorFile.CsvPathIn(ConfigDirectory.Locate(config));
            record = PosteriorRecord.Load(csv);
            folder = RunFolder.Reserve(outOption, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-posterior-{record.ActualSha256[..8]}-{Guid.NewGuid().ToString("N")[..6]}");
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim posterior: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (folder)
        {
            var set = record.Particles;
            var rows = ParameterNarrowing.Of(record);
            var correlations = ParameterCorrelation.Strongest(set);

            PrintHeader(console, error, record);
            PrintTable(console, rows);
            PrintVerdict(console, rows);
            PrintCorrelations(console, rows, correlations.Take(top).ToList());

            folder.Write(SummaryFile, w => WriteSummary(w, rows));
            folder.WriteBytes(PairsFile, Pairs(record, rows));
            folder.Commit();
            console.MarkupLine($"Written to [bold]{Markup.Escape(folder.FinalPath)}[/] ({SummaryFile}, {PairsFile})");
        }
        return ExitCodes.Ok;
    }

    private static void PrintHeader(IAnsiConsole console, TextWriter error, PosteriorRecord r)
    {
        var set = r.Particles;
        string years = r.From is int f && r.Through is int t ? $"data {f}–{t}" : "data years not recorded";
        string populations = r.Populations is int p ? $"{p} population{(p == 1 ? "" : "s")}" : "populations not recorded";
        string simulations = r.Simulations is long s ? $"{s.ToString("N0", CultureInfo.InvariantCulture)} simulations" : "simulations not recorded";
        console.MarkupLine($"[bold]{Markup.Escape(r.Method)}[/]: {set.Count} particles ({set.Distinct} distinct, ESS {set.EffectiveSampleSize.ToString("0", CultureInfo.InvariantCulture)}), "
            + $"{populations}, {simulations}; stopped: {Markup.Escape(r.Stopped ?? "not recorded")}; {years}"
            + (r.Scenario is null ? "" : $"; scenario {Markup.Escape(r.Scenario)}")
            + (r.Scale is double scale ? $", scale {scale.ToString(CultureInfo.InvariantCulture)}" : ""));
        string name = Path.GetFileName(r.CsvPath);
        if (r.CsvMatches)
            console.MarkupLine($"[grey]{Markup.Escape(name)} SHA-256 {r.ActualSha256[..12]}… matches {Markup.Escape(Path.GetFileName(r.JsonPath))}[/]");
        else
        {
            string warning = $"warning: {r.CsvPath}: SHA-256 {r.ActualSha256[..12]}… differs from csv_sha256 {Short(r.RecordedSha256)} in {r.JsonPath}: "
                + "the posterior was edited or replaced after the calibration wrote it, so its provenance may not describe it";
            console.MarkupLine($"[red bold]{Markup.Escape(warning)}[/]");
            error.WriteLine($"zjsim posterior: {warning}");
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static void PrintTable(IAnsiConsole console, IReadOnlyList<ParameterNarrowing> rows)
    {
        // On a narrow terminal each interval goes under its median, so the path and the verdict keep one line.
        string under = console.Profile.Width >= 120 ? " " : "\n";
        var table = new Table().Border(TableBorder.Simple).Title("Prior and posterior: median [[5%, 95%]]")
            .AddColumn(new TableColumn("parameter").NoWrap())
            .AddColumn(new TableColumn("prior").RightAligned()).AddColumn(new TableColumn("posterior").RightAligned())
            .AddColumn(new TableColumn("narrowing").RightAligned()).AddColumn(new TableColumn("verdict").NoWrap());
        foreach (var r in rows)
        {
            string verdict = ParameterNarrowing.Name(r.Verdict);
            string colour = r.Verdict switch { Identification.Identified => "green", Identification.WeaklyIdentified => "yellow", _ => "grey" };
            table.AddRow(
                Markup.Escape(r.Path) + (r.StartOnly ? " †" : ""),
                $"{Value(r.PriorMedian)}{under}[[{Value(r.PriorLow)}, {Value(r.PriorHigh)}]]",
                $"{Value(r.Median)}{under}[[{Value(r.Low)}, {Value(r.High)}]]",
                r.Narrowing.ToString("0.00", CultureInfo.InvariantCulture), $"[{colour}]{verdict}[/]");
        }
        console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape(ParameterNarrowing.Thresholds)}.[/]");
        if (rows.Any(r => r.StartOnly))
            console.MarkupLine("[grey]† start-only: part of the 2018 state (start-2018.json) the calibration starts from; forward runs (from 2021) do not take it from the posterior.[/]");
    }

    private static void PrintVerdict(IAnsiConsole console, IReadOnlyList<ParameterNarrowing> rows)
    {
        int identified = rows.Count(r => r.Verdict == Identification.Identified);
        var weak = rows.Where(r => r.Verdict == Identification.WeaklyIdentified).Select(r => r.ShortName).ToList();
        var not = rows.Where(r => r.Verdict == Identification.NotIdentified).Select(r => r.ShortName).ToList();
        string line = $"The record identifies {identified} of {rows.Count} parameters";
        if (weak.Count > 0) line += $", {weak.Count} weakly ({string.Join(", ", weak)})";
        line += not.Count > 0 ? $"; not identified ({not.Count}): {string.Join(", ", not)}." : "; every parameter is at least weakly identified.";
        console.MarkupLine(Markup.Escape(line));
    }

    private static void PrintCorrelations(IAnsiConsole console, IReadOnlyList<ParameterNarrowing> rows, IReadOnlyList<ParameterCorrelation> pairs)
    {
        if (pairs.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).Title($"Strongest correlations ({pairs.Count} of {rows.Count * (rows.Count - 1) / 2} pairs)")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("parameter").AddColumn("parameter").AddColumn(new TableColumn("r").RightAligned());
        for (int i = 0; i < pairs.Count; i++)
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(rows[pairs[i].A].Path), Markup.Escape(rows[pairs[i].B].Path),
                pairs[i].R.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLine("[grey]Weighted correlations of the particles. A strong one (|r| near 1) means the record constrains a combination of the two (a sum, a ratio), not each alone: "
            + "one can move if the other moves with it. Their narrowings alone understate what the record knows.[/]");
    }

    private static void WriteSummary(TextWriter w, IReadOnlyList<ParameterNarrowing> rows)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteRecord(SummaryColumns);
        foreach (var r in rows)
            csv.WriteRecord([
                r.Path, r.ShortName, r.StartOnly ? "true" : "false", r.Prior,
                ResultFiles.Number(r.PriorMedian), ResultFiles.Number(r.PriorLow), ResultFiles.Number(r.PriorHigh),
                ResultFiles.Number(r.Median), ResultFiles.Number(r.Low), ResultFiles.Number(r.High),
                ResultFiles.Number(r.Narrowing), ParameterNarrowing.Name(r.Verdict),
            ]);
    }

    /// <summary>The pairs plot of the most-narrowed parameters (what the record learned most about), axes over their priors.</summary>
    private static byte[] Pairs(PosteriorRecord record, IReadOnlyList<ParameterNarrowing> rows)
    {
        var chosen = Enumerable.Range(0, rows.Count).OrderBy(k => rows[k].Narrowing).ThenBy(k => k).Take(MaxPairs).ToList();
        var axes = chosen.Select(k =>
        {
            var prior = record.Parameters[k].Prior;
            var (lower, upper) = prior.Support;
            // An unbounded prior shows its central 99.8%.
            double min = double.IsFinite(lower) ? lower : prior.Draw(0.001), max = double.IsFinite(upper) ? upper : prior.Draw(0.999);
            return new PairsPlot.Axis(k, rows[k].ShortName + (rows[k].StartOnly ? " †" : ""), min, max, rows[k].PriorLow, rows[k].PriorHigh);
        }).ToList();
        var set = record.Particles;
        string heading = chosen.Count < rows.Count
            ? $"Posterior: the {chosen.Count} most-narrowed of {rows.Count} parameters"
            : $"Posterior of the {rows.Count} parameters";
        string commit = ResultFiles.Commit is var c && c.Length > 12 ? c[..12] : ResultFiles.Commit;
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(record.CsvPath)} {record.ActualSha256[..12]}; {set.Count} particles, {set.Distinct} distinct; axes span the prior, shaded its 90%; darker = heavier; ZjSim {ResultFiles.Version} {commit}");
        return PairsPlot.Png(set, axes, heading, caption);
    }

    /// <summary>Four significant digits, without exponents: 55000, 0.1234, 0.003021.</summary>
    public static string Value(double v)
    {
        if (v == 0 || !double.IsFinite(v)) return v.ToString(CultureInfo.InvariantCulture);
        int decimals = 3 - (int)Math.Floor(Math.Log10(Math.Abs(v)));
        return decimals <= 0
            ? Math.Round(v).ToString("0", CultureInfo.InvariantCulture)
            : Math.Round(v, Math.Min(decimals, 15)).ToString("0." + new string('#', Math.Min(decimals, 15)), CultureInfo.InvariantCulture);
    }
}
