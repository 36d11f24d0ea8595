using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Inference;
using ZjSim.Client.Output;
using ZjSim.Hosting;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim calibrate`: Bayesian calibration by ABC-SMC of every uncertain parameter (config/zhejiang/priors.json and the
/// start year's uncertain state) to Zhejiang's record, each observation weighed by its stated error
/// (config/zhejiang/observed.json). Simulations run through the grains (the embedded silo, or the --cluster). Each
/// complete population is checkpointed; Ctrl+C keeps the last one and `--resume` continues from it. Writes
/// posterior.csv, posterior.json and calibrated.json (config/zhejiang by default), which the shipped scenarios follow.
/// </summary>
public static class CalibrateCommand
{
    // Measured on this 2-core machine (docs/benchmarks.md, issue 13): these settings finish within 20 minutes.
    public const int DefaultParticles = 1000;
    public const double DefaultScale = 0.1;
    // A gentle tolerance schedule and several moves per population: with ~60 parameters and one noisy simulation per
    // candidate, few moves are accepted, and resampling half the particles each population left a tenth of them distinct.
    public const double DefaultAlpha = 0.7;
    public const int DefaultMoves = 3, DefaultMaxMoves = 12, DefaultMaxPopulations = 16;
    public const double DefaultMinAcceptance = 0.015;
    public const string DefaultCheckpoint = "results/calibrate/checkpoint.json";

    public static ExplorationCommand Define()
    {
        var common = new HistoricalOptionSet("The scenario whose policy the record years ran under", 1, "(unused)", DefaultScale);
        var through = new Option<int>("--through") { Description = "The last observed year fitted", DefaultValueFactory = _ => YearParameters.DataBaseYear };
        var particles = new Option<int>("--particles") { Description = "Particles per population (the posterior's sample size)", DefaultValueFactory = _ => DefaultParticles };
        var alpha = new Option<double>("--alpha") { Description = "Each population's tolerance is this quantile of the previous one's distances", DefaultValueFactory = _ => DefaultAlpha };
        var moves = new Option<int>("--moves") { Description = "The fewest Metropolis-Hastings moves of every particle per population", DefaultValueFactory = _ => DefaultMoves };
        var maxMoves = new Option<int>("--max-moves") { Description = "The most moves per particle and population, when few moves are accepted (Drovandi & Pettitt 2011)", DefaultValueFactory = _ => DefaultMaxMoves };
        var minTolerance = new Option<double>("--min-tolerance") { Description = "Stop once the tolerance reaches this distance (1: within the observations' stated errors)", DefaultValueFactory = _ => 1.0 };
        var minAcceptance = new Option<double>("--min-acceptance") { Description = "Stop after a population whose moves were accepted less often than this", DefaultValueFactory = _ => DefaultMinAcceptance };
        var maxPopulations = new Option<int>("--max-populations") { Description = "Populations in all, the prior sample included", DefaultValueFactory = _ => DefaultMaxPopulations };
        var maxSimulations = new Option<long?>("--max-simulations") { Description = "Simulation budget; the last complete population is the result" };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for posterior.csv, posterior.json and calibrated.json (default: config/zhejiang)" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Where each complete population is kept", DefaultValueFactory = _ => DefaultCheckpoint };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint's last complete population" };
        var command = new Command("calibrate", "Bayesian calibration (ABC-SMC) of every uncertain parameter to Zhejiang's record; writes the posterior the scenarios draw from")
        {
            common.Scenario, common.From, through, common.Seed, common.Scale, particles, alpha, moves, maxMoves, minTolerance, minAcceptance, maxPopulations, maxSimulations,
            output, checkpoint, resume,
        };
        return new ExplorationCommand(command, (parsed, config, cluster, console, error, cancellation) =>
        {
            var settings = new AbcSettings
            {
                Particles = parsed.GetValue(particles),
                Seed = parsed.GetValue(common.Seed),
                Alpha = parsed.GetValue(alpha),
                MovesPerPopulation = parsed.GetValue(moves),
                MaxMovesPerPopulation = parsed.GetValue(maxMoves),
                MinTolerance = parsed.GetValue(minTolerance),
                MinAcceptance = parsed.GetValue(minAcceptance),
                MaxPopulations = parsed.GetValue(maxPopulations),
                MaxSimulations = parsed.GetValue(maxSimulations) ?? long.MaxValue,
            };
            var o = common.Read(parsed, parsed.GetValue(through), config) with { Replications = 1 };   // one simulation per candidate
            return ExecuteAsync(o, settings, parsed.GetValue(output), parsed.GetValue(checkpoint)!, parsed.GetValue(resume), cluster, console, error, cancellation);
        });
    }

    public static async Task<int> ExecuteAsync(HistoricalOptions o, AbcSettings settings, string? outOption, string checkpointPath, bool resume,
        string? cluster, IAnsiConsole console, TextWriter error, CancellationToken cancellation, int? fitThrough = null)
    {
        CalibrationProblem problem;
        string outDir, configDir;
        AbcPopulation? resumeFrom = null;
        try
        {
            o.Check();
            try { settings.Validate(); }
            catch (ArgumentException e) { throw new UsageException($"--{e.Message}"); }
            configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            outDir = Path.GetFullPath(outOption ?? Path.Combine(configDir, ObservedData.Folder));
            if (File.Exists(outDir)) throw new UsageException($"--out {outOption}: is a file; give the folder to write posterior.csv, posterior.json and calibrated.json in");
            if (!Directory.Exists(outDir)) throw new UsageException($"--out {outOption}: the folder does not exist");
            problem = CalibrationProblem.Load(o.Scenario, configDir, o.From, o.Through, o.Scale, fitThrough);
            if (resume)
            {
                if (!File.Exists(checkpointPath)) throw new UsageException($"--resume: no checkpoint at {checkpointPath} (a calibration writes one after each complete population)");
                var population = AbcCheckpoint.ReadFor(checkpointPath, settings, problem.Paths);
                resumeFrom = population;
            }
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim calibrate: {e.Message}");
            return ExitCodes.BadInput;
        }

        int startOnly = problem.StartOnly.Count;
        console.MarkupLine($"[grey]calibrate {Markup.Escape(problem.Scenario.Name)}, {o.From} to {fitThrough ?? o.Through}: {problem.Priors.Count} parameters ({startOnly} of them the {o.From} state), {problem.Distance.Targets.Count} observations{(problem.Distance.HeldOut.Count > 0 ? $", {problem.Distance.HeldOut.Count} held out" : "")}[/]");
        console.MarkupLine($"[grey]ABC-SMC with MCMC moves: {settings.Particles} particles, {settings.MovesPerPopulation} to {settings.MaxMovesPerPopulation} moves each per population (more as fewer are accepted), tolerance = {settings.Alpha:0.##}-quantile of the previous population, floor {settings.MinTolerance}, stop below {settings.MinAcceptance:0.#%} of moves accepted or after {settings.MaxPopulations} populations; seed {settings.Seed}, scale {o.Scale}; simulations through the grains{(cluster is null ? " (embedded silo)" : $" ({Markup.Escape(SimulationHosts.Shown(cluster))})")}[/]");
        console.MarkupLine("[grey]distance: root mean square of (simulated - observed) / observation error sd; 1 = within the stated errors on average[/]");
        if (resumeFrom is not null)
            console.MarkupLine($"resuming after population {resumeFrom.Index} (tolerance {Tol(resumeFrom.Tolerance)}, {resumeFrom.Simulations:N0} simulations so far)");

        var clock = Stopwatch.StartNew();
        var populations = new List<AbcPopulation>();
        AbcPopulation? last = resumeFrom;
        string runId = RunPlan.NewRunId("calibrate", settings.Seed);
        try
        {
            await using var host = await SimulationHosts.StartAsync(cluster, null, cancellation);
            var simulator = new GrainSimulator(host, problem, settings.Seed, runId, Math.Max(2, Environment.ProcessorCount), RunCommand.RetryNotice(console));
            var engine = new AbcSmc(problem.Priors, settings);
            var lastPrinted = Stopwatch.StartNew();
            var result = await engine.RunAsync(simulator, resumeFrom,
                progress: p =>
                {
                    if (lastPrinted.Elapsed.TotalSeconds < 5 && p.Accepted < p.Particles) return;
                    lastPrinted.Restart();
                    console.MarkupLine(p.Population == 0
                        ? $"  population  0: {p.Simulations,7:N0} of {p.Particles:N0} prior draws simulated"
                        : $"  population {p.Population,2}: tolerance {Tol(p.Tolerance)}, {p.Simulations,7:N0} move simulations, {p.AcceptanceRate,6:0.0%} of moves accepted");
                },
                onPopulation: p =>
                {
                    populations.Add(p);
                    last = p;
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(checkpointPath))!);
                    AbcCheckpoint.Write(checkpointPath, settings, problem.Paths, p);
                    console.MarkupLine($"[bold]population {p.Index,2} complete[/]: tolerance {Tol(p.Tolerance)}, moves accepted {p.AcceptanceRate:0.0%}, {p.Particles.Distinct} distinct particles, {p.Simulations:N0} simulations, {clock.Elapsed.TotalMinutes:0.0} min");
                },
                ct: cancellation);
            CalibrationOutput.Write(outDir, problem, settings, result, [.. resumeFrom is null ? [] : new[] { resumeFrom }, .. populations.Where(p => resumeFrom is null || p.Index > resumeFrom.Index)],
                problem.Scenario.Name, configDir, clock.Elapsed.TotalSeconds, ResultFiles.Commit);
            PrintSummary(console, problem, result);
            console.MarkupLine($"{result.StopReason}. {result.SimulationsRun:N0} simulations in {clock.Elapsed.TotalMinutes:0.0} min.");
            console.MarkupLine($"Posterior ({result.Final.Particles.Count} particles, {result.Final.Particles.Distinct} distinct) written to [bold]{Markup.Escape(outDir)}[/]: {PosteriorFile.CsvName}, {PosteriorFile.JsonName}, {CalibratedFile.FileName}. `zjsim posterior` shows what the record identified.");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine(last is null
                ? "zjsim calibrate: cancelled before the first population was complete; nothing was written"
                : $"zjsim calibrate: cancelled; population {last.Index} (tolerance {Tol(last.Tolerance)}) is kept in {checkpointPath}: `zjsim calibrate --resume` with the same options continues from it. The posterior files were not changed.");
            return ExitCodes.Cancelled;
        }
        catch (ServiceUnreachableException e)
        {
            error.WriteLine($"zjsim calibrate: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (SimulationFailedException e)
        {
            error.WriteLine($"zjsim calibrate: {e.Message}{(last is null ? "" : $"; population {last.Index} is kept in {checkpointPath} (--resume)")}");
            return ExitCodes.Failed;
        }
    }

    private static string Tol(double t) => double.IsPositiveInfinity(t) ? "∞" : t.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The populations, then each parameter's prior and posterior 90% interval (the full table is `zjsim posterior`).</summary>
    private static void PrintSummary(IAnsiConsole console, CalibrationProblem problem, AbcResult result)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Populations")
            .AddColumn(new TableColumn("population").RightAligned()).AddColumn(new TableColumn("tolerance").RightAligned())
            .AddColumn(new TableColumn("moves accepted").RightAligned()).AddColumn(new TableColumn("distinct").RightAligned())
            .AddColumn(new TableColumn("simulations").RightAligned());
        foreach (var p in result.Populations)
            table.AddRow(p.Index.ToString(CultureInfo.InvariantCulture), Tol(p.Tolerance), p.AcceptanceRate.ToString("0.0%", CultureInfo.InvariantCulture),
                p.Particles.Distinct.ToString(CultureInfo.InvariantCulture), p.PopulationSimulations.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(table);
        var set = result.Final.Particles;
        var narrowed = problem.Priors.Select((p, k) =>
        {
            double priorWidth = p.Distribution.Draw(0.95) - p.Distribution.Draw(0.05);
            double postWidth = set.Quantile(k, 0.95) - set.Quantile(k, 0.05);
            return (p.Path, Ratio: priorWidth > 0 ? postWidth / priorWidth : 1, k);
        }).OrderBy(x => x.Ratio).ToList();
        var fit = new Table().Border(TableBorder.Simple).Title("The five parameters the record narrowed most (posterior / prior 90% width)")
            .AddColumn("parameter").AddColumn(new TableColumn("posterior median [[90%]]").RightAligned()).AddColumn(new TableColumn("narrowing").RightAligned());
        foreach (var x in narrowed.Take(5))
            fit.AddRow(Markup.Escape(x.Path), $"{G(set.Quantile(x.k, 0.5))} [[{G(set.Quantile(x.k, 0.05))}, {G(set.Quantile(x.k, 0.95))}]]", x.Ratio.ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(fit);
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
