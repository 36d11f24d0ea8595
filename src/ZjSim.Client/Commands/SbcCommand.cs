using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Client.Output.Charts;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim sbc`: simulation-based calibration of the inference (Talts et al. 2018). Each replication draws θ* from the
/// priors, simulates one record at θ*, calibrates on it with ABC-SMC (in-thread: a small world makes the grains'
/// messaging the larger cost) and takes the rank of θ*_k among the posterior's particles. If the posterior were exact
/// every parameter's ranks would be uniform; the command prints each rank histogram with a chi-square test and writes
/// ranks.csv, uniformity.csv and rank-histograms.png. Ctrl+C keeps (and writes) the finished replications.
/// </summary>
public static class SbcCommand
{
    public const int DefaultReplications = 20, DefaultParticles = 100, DefaultMaxPopulations = 8, MaxHistograms = 8;
    public const double DefaultScale = 0.02;
    public const string RanksFile = "ranks.csv", UniformityFile = "uniformity.csv", HistogramFile = "rank-histograms.png";
    public static readonly string[] RanksColumns = ["replication", "parameter", "truth", "rank", "particles", "narrowing"];
    public static readonly string[] UniformityColumns = ["parameter", "replications", "bins", "counts", "chi_square", "df", "p_value", "central_half", "mean_narrowing", "uniform_at_5pct"];

    public sealed record Settings(AbcSettings Abc, int Bins, IReadOnlyList<string>? Parameters, string? Out);

    public static ExplorationCommand Define()
    {
        var common = new HistoricalOptionSet("The scenario whose policy the synthetic records run under", DefaultReplications,
            "Synthetic records (replications of simulation-based calibration)", DefaultScale);
        var through = new Option<int>("--through") { Description = "The last observed year fitted", DefaultValueFactory = _ => YearParameters.DataBaseYear };
        var particles = new Option<int>("--particles") { Description = "Particles per population of each calibration (ranks run 0..particles)", DefaultValueFactory = _ => DefaultParticles };
        var alpha = new Option<double>("--alpha") { Description = "Each population's tolerance is this quantile of the previous one's distances", DefaultValueFactory = _ => CalibrateCommand.DefaultAlpha };
        var moves = new Option<int>("--moves") { Description = "Metropolis-Hastings moves of every particle per population", DefaultValueFactory = _ => CalibrateCommand.DefaultMoves };
        var minTolerance = new Option<double>("--min-tolerance") { Description = "Each calibration stops once its tolerance reaches this distance", DefaultValueFactory = _ => 1.0 };
        var maxPopulations = new Option<int>("--max-populations") { Description = "Populations per calibration, the prior sample included", DefaultValueFactory = _ => DefaultMaxPopulations };
        var bins = new Option<int?>("--bins") { Description = "Bins of the rank histograms (default: replications / 5, from 2 to 10, about 5 expected per bin)" };
        var parameters = new Option<string?>("--parameters") { Description = $"Comma-separated parameter paths to report (default: all; histograms of the {MaxHistograms} the records narrowed most)" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder; must be new or empty (default: a new folder under runs/)" };
        var command = new Command("sbc", "Simulation-based calibration of the inference: calibrate on records simulated at known parameters and test that their posterior ranks are uniform")
        {
            common.Scenario, common.From, through, common.Replications, common.Seed, common.Scale, particles, alpha, moves, minTolerance, maxPopulations, bins, parameters, output,
        };
        return new ExplorationCommand(command, (parsed, config, _, console, error, cancellation) =>
        {
            var abc = new AbcSettings
            {
                Particles = parsed.GetValue(particles),
                Seed = parsed.GetValue(common.Seed),
                Alpha = parsed.GetValue(alpha),
                MovesPerPopulation = parsed.GetValue(moves),
                MaxMovesPerPopulation = CalibrateCommand.DefaultMaxMoves,
                MinAcceptance = CalibrateCommand.DefaultMinAcceptance,
                MinTolerance = parsed.GetValue(minTolerance),
                MaxPopulations = parsed.GetValue(maxPopulations),
            };
            var o = common.Read(parsed, parsed.GetValue(through), config);
            var list = parsed.GetValue(parameters)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            int binCount = parsed.GetValue(bins) ?? Math.Clamp(o.Replications / 5, 2, 10);
            return ExecuteAsync(o, new Settings(abc, binCount, list, parsed.GetValue(output)), console, error, cancellation);
        });
    }

    public static async Task<int> ExecuteAsync(HistoricalOptions o, Settings s, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        CalibrationProblem problem;
        RunFolder folder;
        int[] reported;
        try
        {
            o.Check();
            try { s.Abc.Validate(); }
            catch (ArgumentException e) { throw new UsageException($"--{e.Message}"); }
            if (s.Bins < 2) throw new UsageException($"--bins: at least 2 (got {s.Bins})");
            if (s.Bins > s.Abc.Particles + 1) throw new UsageException($"--bins: at most particles + 1 = {s.Abc.Particles + 1}, the number of possible ranks (got {s.Bins})");
            if (s.Parameters is { Count: 0 }) throw new UsageException("--parameters: names no parameter");
            string configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            problem = CalibrationProblem.Load(o.Scenario, configDir, o.From, o.Through, o.Scale);
            var paths = problem.Paths.ToList();
            if (s.Parameters?.FirstOrDefault(p => !paths.Contains(p)) is string unknown)
                throw new UsageException($"--parameters: '{unknown}' is not one of the calibration's {paths.Count} parameters (`zjsim posterior` lists them)");
            reported = s.Parameters is null ? [.. Enumerable.Range(0, paths.Count)] : [.. s.Parameters.Distinct().Select(p => paths.IndexOf(p))];
            folder = RunFolder.Reserve(s.Out, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-sbc-seed{s.Abc.Seed}-{Guid.NewGuid().ToString("N")[..6]}");
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim sbc: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (folder)
        {
            var a = s.Abc;
            console.MarkupLine($"[grey]simulation-based calibration of {Markup.Escape(problem.Scenario.Name)}, {o.From} to {o.Through}: {o.Replications} synthetic records, each from θ* drawn from the priors ({problem.Priors.Count} parameters), {problem.Distance.Targets.Count} observations[/]");
            console.MarkupLine($"[grey]each calibrated by ABC-SMC in-thread: {a.Particles} particles, {a.MovesPerPopulation} moves, alpha {a.Alpha:0.##}, at most {a.MaxPopulations} populations, floor {a.MinTolerance}; seed {a.Seed}, scale {o.Scale}; ranks in 0..{a.Particles}, {s.Bins} bins[/]");
            var sbc = new SimulationBasedCalibration(problem, a);
            var done = new List<SbcReplication>();
            var clock = Stopwatch.StartNew();
            bool cancelled = false;
            try
            {
                for (int m = 0; m < o.Replications; m++)
                {
                    var r = await Task.Run(() => sbc.RunAsync(m, ct: cancellation), cancellation);
                    done.Add(r);
                    double inCentre = r.Ranks.Count(x => IsCentral(x, r.Particles)) / (double)r.Ranks.Length;
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                        $"  replication {m + 1,3}/{o.Replications}: {r.Populations} populations, tolerance {r.FinalTolerance:0.000}, {r.Simulations:N0} simulations, {r.Seconds:0}s; {inCentre:0%} of ranks in the central half{(r.Redraws > 0 ? $" ({r.Redraws} prior draws refused)" : "")}; {clock.Elapsed.TotalMinutes:0.0} min"));
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                cancelled = true;
            }
            if (done.Count == 0)
            {
                error.WriteLine("zjsim sbc: cancelled before the first replication was finished; nothing was written");
                return ExitCodes.Cancelled;
            }
            int bins = Math.Min(s.Bins, a.Particles + 1);
            var rows = reported.Select(k => Row(problem.Paths[k], done, k, a.Particles, bins)).ToList();
            PrintTable(console, rows, done.Count);
            folder.Write(RanksFile, w => WriteRanks(w, problem.Paths, done));
            folder.Write(UniformityFile, w => WriteUniformity(w, rows, done.Count, bins));
            var shown = rows.OrderBy(r => r.MeanNarrowing).ThenBy(r => r.Path, StringComparer.Ordinal).Take(MaxHistograms).ToList();
            var caption = new ChartCaption([problem.Scenario.Name], done.Count, a.Seed, o.Scale, ResultFiles.Commit);
            folder.WriteBytes(HistogramFile, RankHistogramFigure.Of(
                shown.Select(r => new RankHistogramFigure.Panel(r.Path, r.Uniformity)).ToList(),
                $"Simulation-based calibration: ranks of θ* in {a.Particles}-particle posteriors ({done.Count} records)", caption).Png());
            folder.Commit();
            console.MarkupLine($"Written to [bold]{Markup.Escape(folder.FinalPath)}[/] ({RanksFile}, {UniformityFile}, {HistogramFile}); {done.Count} replications in {clock.Elapsed.TotalMinutes:0.0} min.");
            if (cancelled)
            {
                error.WriteLine($"zjsim sbc: cancelled after {done.Count} of {o.Replications} replications; the finished ones are written to {folder.FinalPath}");
                return ExitCodes.Cancelled;
            }
            return ExitCodes.Ok;
        }
    }

    /// <summary>A rank in the central half of 0..L: too many there is a ∩ (too wide), too few a ∪ (too narrow).</summary>
    private static bool IsCentral(int rank, int particles) => rank >= particles / 4.0 && rank <= 3 * particles / 4.0;

    public sealed record ParameterRow(string Path, RankUniformity Uniformity, double CentralHalf, double MeanNarrowing);

    private static ParameterRow Row(string path, IReadOnlyList<SbcReplication> done, int k, int particles, int bins) =>
        new(path, RankUniformity.Of(done.Select(r => r.Ranks[k]).ToList(), particles, bins),
            done.Count(r => IsCentral(r.Ranks[k], particles)) / (double)done.Count, done.Average(r => r.Narrowing[k]));

    private static void PrintTable(IAnsiConsole console, IReadOnlyList<ParameterRow> rows, int replications)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"Rank histograms ({replications} records)")
            .AddColumn(new TableColumn("parameter").NoWrap()).AddColumn("ranks").AddColumn(new TableColumn("χ²").RightAligned())
            .AddColumn(new TableColumn("p").RightAligned()).AddColumn(new TableColumn("centre").RightAligned()).AddColumn(new TableColumn("narrowing").RightAligned());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Path), Markup.Escape(r.Uniformity.Sparkline()),
                r.Uniformity.ChiSquare.ToString("0.0", CultureInfo.InvariantCulture),
                (r.Uniformity.PValue < 0.05 ? "[red]" : "") + r.Uniformity.PValue.ToString("0.000", CultureInfo.InvariantCulture) + (r.Uniformity.PValue < 0.05 ? "[/]" : ""),
                r.CentralHalf.ToString("0%", CultureInfo.InvariantCulture), r.MeanNarrowing.ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(table);
        var failed = rows.Where(r => r.Uniformity.PValue < 0.05).ToList();
        double central = rows.Average(r => r.CentralHalf);
        console.MarkupLine(Markup.Escape($"{rows.Count - failed.Count} of {rows.Count} parameters pass the chi-square test of uniform ranks at 5%"
            + (failed.Count > 0 ? $"; not uniform: {string.Join(", ", failed.Select(r => r.Path))}." : ".")
            + $" Over all parameters {central:0%} of ranks lie in the central half (50% if calibrated; more: posteriors too wide, the conservative ABC at a tolerance above 0; fewer: too narrow, over-confident)."));
        console.MarkupLine("[grey]centre: share of ranks in the central half of 0..particles; narrowing: mean posterior / prior 90% width. With 5% tests of many parameters about one in twenty fails by chance.[/]");
    }

    private static void WriteRanks(TextWriter w, IReadOnlyList<string> paths, IReadOnlyList<SbcReplication> done)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteRecord(RanksColumns);
        foreach (var r in done)
            for (int k = 0; k < paths.Count; k++)
                csv.WriteRecord([r.Index.ToString(CultureInfo.InvariantCulture), paths[k], ResultFiles.Number(r.Truth[k]),
                    r.Ranks[k].ToString(CultureInfo.InvariantCulture), r.Particles.ToString(CultureInfo.InvariantCulture), ResultFiles.Number(r.Narrowing[k])]);
    }

    private static void WriteUniformity(TextWriter w, IReadOnlyList<ParameterRow> rows, int replications, int bins)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteRecord(UniformityColumns);
        foreach (var r in rows)
            csv.WriteRecord([r.Path, replications.ToString(CultureInfo.InvariantCulture), bins.ToString(CultureInfo.InvariantCulture),
                string.Join(' ', r.Uniformity.Counts), ResultFiles.Number(r.Uniformity.ChiSquare), r.Uniformity.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture),
                ResultFiles.Number(r.Uniformity.PValue), ResultFiles.Number(r.CentralHalf), ResultFiles.Number(r.MeanNarrowing),
                r.Uniformity.PValue >= 0.05 ? "true" : "false"]);
    }
}
