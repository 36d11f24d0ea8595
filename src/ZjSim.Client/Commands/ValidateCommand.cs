using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Model;
using ZjSim.Model.Analysis;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim validate --through YEAR`: out-of-sample validation. Calibrates (ABC-SMC, as `zjsim calibrate`) on the record
/// up to YEAR only, then simulates the record's years from that posterior (each replication one joint particle, the
/// start year's state included) and scores every fitted observation after YEAR, which the fit never saw: predictive
/// median, 50% and 90% bands, inside or not, CRPS, and the held-out coverage rates. Writes the validation posterior and
/// validation.csv into a folder of its own, never config/zhejiang.
/// </summary>
public static class ValidateCommand
{
    // The calibration's own settings (CalibrateCommand), fewer populations: fewer observations are fitted, and the
    // measured times are in docs/validation.md.
    public const int DefaultThrough = 2019, DefaultParticles = 1000, DefaultMaxPopulations = 10, DefaultReplications = 200;
    public const double DefaultScale = CalibrateCommand.DefaultScale;
    public const string CsvName = "validation.csv";

    public static ExplorationCommand Define()
    {
        var common = new HistoricalOptionSet("The scenario whose policy the record years ran under", DefaultReplications,
            "Posterior predictive replications of the held-out years", DefaultScale);
        var through = new Option<int>("--through") { Description = "The last observed year fitted; later observations up to 2021 are held out and scored", DefaultValueFactory = _ => DefaultThrough };
        var particles = new Option<int>("--particles") { Description = "Particles per population of the validation posterior", DefaultValueFactory = _ => DefaultParticles };
        var maxPopulations = new Option<int>("--max-populations") { Description = "Populations in all, the prior sample included", DefaultValueFactory = _ => DefaultMaxPopulations };
        var maxSimulations = new Option<long?>("--max-simulations") { Description = "Simulation budget of the calibration; the last complete population is the result" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder; must be new or empty (default: a new folder under runs/)" };
        var command = new Command("validate", "Fit to the record up to --through and score the posterior predictive forecasts of the later years (coverage, CRPS)")
        {
            through, common.Scenario, common.From, common.Replications, common.Seed, common.Scale, particles, maxPopulations, maxSimulations, output,
        };
        return new ExplorationCommand(command, (parsed, config, cluster, console, error, cancellation) =>
        {
            var settings = new AbcSettings
            {
                Particles = parsed.GetValue(particles),
                Seed = parsed.GetValue(common.Seed),
                Alpha = CalibrateCommand.DefaultAlpha,
                MovesPerPopulation = CalibrateCommand.DefaultMoves,
                MaxMovesPerPopulation = CalibrateCommand.DefaultMaxMoves,
                MinAcceptance = CalibrateCommand.DefaultMinAcceptance,
                MaxPopulations = parsed.GetValue(maxPopulations),
                MaxSimulations = parsed.GetValue(maxSimulations) ?? long.MaxValue,
            };
            return ExecuteAsync(common.Read(parsed, YearParameters.DataBaseYear, config), parsed.GetValue(through), settings,
                parsed.GetValue(output), cluster, console, error, cancellation);
        });
    }

    /// <param name="o">The historical options; Through is the end of the simulated record (2021), Replications the predictive replications.</param>
    /// <param name="fitThrough">The last year fitted (--through).</param>
    public static async Task<int> ExecuteAsync(HistoricalOptions o, int fitThrough, AbcSettings settings, string? outOption, string? cluster,
        IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        CalibrationProblem problem;
        string configDir;
        RunFolder folder;
        try
        {
            o.Check();
            if (fitThrough <= o.From || fitThrough >= o.Through)
                throw new UsageException($"--through: the last fitted year must lie after --from ({o.From}) and before {o.Through}, the last observed year, so that something is held out (got {fitThrough})");
            try { settings.Validate(); }
            catch (ArgumentException e) { throw new UsageException($"--{e.Message}"); }
            configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            try { problem = CalibrationProblem.Load(o.Scenario, configDir, o.From, o.Through, o.Scale, fitThrough); }
            catch (InvalidOperationException e) { throw new UsageException($"--through {fitThrough}: {e.Message}"); }
            if (problem.Distance.HeldOut.Count == 0)
                throw new UsageException($"--through {fitThrough}: no fitted observation after {fitThrough} up to {o.Through}: nothing to score");
            folder = RunFolder.Reserve(outOption, RunPlan.NewRunId("validate", o.Seed));
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim validate: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (folder)
        {
            var clock = Stopwatch.StartNew();
            console.MarkupLine($"[bold]validate[/]: fit {Years(o.From + 1, fitThrough)} ({problem.Distance.Targets.Count} observations), hold out {Years(fitThrough + 1, o.Through)} ({problem.Distance.HeldOut.Count} observations); scale {o.Scale}, seed {o.Seed}");
            console.MarkupLine($"[grey]the validation posterior is written to a staging folder and moves to {Markup.Escape(folder.FinalPath)} with the scores[/]");
            // The calibration writes its posterior (and a checkpoint) into the staging folder: a failure or Ctrl+C leaves nothing.
            string checkpoint = Path.Combine(folder.StagingPath, "checkpoint.json");
            int code = await CalibrateCommand.ExecuteAsync(o with { Replications = 1 }, settings, folder.StagingPath, checkpoint, resume: false,
                cluster, console, error, cancellation, fitThrough);
            if (code != ExitCodes.Ok)
            {
                if (code == ExitCodes.Cancelled) error.WriteLine("zjsim validate: nothing was written (validate does not resume: its checkpoint went with the staging folder)");
                return code;
            }
            File.Delete(checkpoint);

            Scenario scenario;
            string copy = Directory.CreateTempSubdirectory("zjsim-validate-").FullName;
            try
            {
                scenario = LoadWithPosterior(o, configDir, copy, folder.StagingPath);
                console.MarkupLine($"[grey]posterior predictive: {o.Replications} replications of {o.From + 1}-{o.Through}{Markup.Escape(RunCommand.Uncertain(scenario))}[/]");
                var tables = HistoricalRunner.Run(scenario, o.Seed, o.Replications, cancellation: cancellation);
                var scores = HeldOutScore.All(problem.Distance, tables, scenario.Parameters.World.Scale);
                Print(console, scores, fitThrough);
                folder.Write(CsvName, w => WriteCsv(w, scores));
                folder.Commit();
                console.MarkupLine($"{clock.Elapsed.TotalMinutes:0.0} min. Wrote [bold]{Markup.Escape(folder.FinalPath)}[/]: {CsvName}, and the validation posterior ({PosteriorFile.CsvName}, {PosteriorFile.JsonName}, {CalibratedFile.FileName}; `zjsim posterior --posterior` reads it).");
                return ExitCodes.Ok;
            }
            catch (ConfigException e)
            {
                error.WriteLine($"zjsim validate: the validation posterior cannot be used: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("zjsim validate: cancelled; nothing was written");
                return ExitCodes.Cancelled;
            }
            finally
            {
                try { Directory.Delete(copy, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>
    /// The historical scenario drawing from the validation posterior: a copy of the config folder whose calibrated.json
    /// (with the posterior beside it) is the validation's, loaded as any backtest is, so the draws and the start year's
    /// state follow exactly the path the shipped posterior takes.
    /// </summary>
    private static Scenario LoadWithPosterior(HistoricalOptions o, string configDir, string copy, string posteriorDir)
    {
        foreach (var file in Directory.GetFiles(configDir, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(copy, Path.GetRelativePath(configDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        string observed = Path.Combine(copy, ObservedData.Folder);
        foreach (var name in new[] { PosteriorFile.CsvName, PosteriorFile.JsonName, CalibratedFile.FileName })
            File.Copy(Path.Combine(posteriorDir, name), Path.Combine(observed, name), overwrite: true);
        var scenario = HistoricalStart.Load(o.Scenario, copy, o.From, o.Through, o.Scale, parameters: ParameterSource.Posterior);
        if (scenario.Uncertainty.Joint is null)
            throw new ConfigException(Path.Combine(copy, ObservedData.Folder, CalibratedFile.FileName), "posterior",
                $"the scenario '{o.Scenario}' does not extend calibrated.json, so it does not draw from the validation posterior");
        return scenario;
    }

    /// <summary>A table per series (as backtest prints them, so a row fits 80 columns), then the coverage and CRPS summary.</summary>
    private static void Print(IAnsiConsole console, IReadOnlyList<HeldOutScore> scores, int fitThrough)
    {
        console.MarkupLine($"[bold]Held-out observations (after {fitThrough})[/]: posterior predictive median and 90% band, inside the 50% and 90% bands, CRPS over the observed figure");
        foreach (var group in scores.GroupBy(s => s.Target.Series))
        {
            string unit = group.Key.Unit;
            string F(double v) => HistoricalReport.Format(v, unit);
            var table = new Table().Border(TableBorder.Simple).Title($"{group.Key.Name} ({unit})")
                .AddColumn(new TableColumn("date").NoWrap())
                .AddColumn(new TableColumn("observed").RightAligned())
                .AddColumn(new TableColumn("median").RightAligned())
                .AddColumn(new TableColumn("90% band").RightAligned())
                .AddColumn(new TableColumn("in 50/90").Centered())
                .AddColumn(new TableColumn("CRPS/obs").RightAligned());
            foreach (var s in group)
                table.AddRow(Markup.Escape(s.Target.Point.AsOf), (s.Target.IsLowerBound ? "> " : "") + F(s.Observed), F(s.Median),
                    $"{F(s.Band90.Lower)}–{F(s.Band90.Upper)}", $"{YesNo(s.Inside50)}/{YesNo(s.Inside90)}",
                    s.RelativeCrps.ToString("0.000", CultureInfo.InvariantCulture));
            console.Write(table);
        }
        foreach (var line in Summary(scores)) console.MarkupLine(Markup.Escape(line));
    }

    private static string Years(int first, int last) => first == last ? $"{first}" : $"{first}-{last}";

    private static string YesNo(bool b) => b ? "yes" : "NO";

    /// <summary>The held-out coverage at each level with its Wilson 95% interval, and the mean relative CRPS.</summary>
    public static IEnumerable<string> Summary(IReadOnlyList<HeldOutScore> scores)
    {
        foreach (var (level, inside) in new[] { (50, scores.Select(s => s.Inside50).ToList()), (90, scores.Select(s => s.Inside90).ToList()) })
        {
            var rate = Coverage.Rate(inside);
            yield return $"{level}% band coverage: {inside.Count(b => b)} of {inside.Count} held-out observations inside = {rate.Estimate:0%} (Wilson 95% {rate.Lower:0%}-{rate.Upper:0%}; a calibrated forecast puts {level}% inside)";
        }
        yield return $"Mean CRPS / observed: {scores.Average(s => s.RelativeCrps):0.000} (0 = a sharp forecast at the observation; \"more than\" figures: threshold-weighted, only mass below the bound counts)";
    }

    public static readonly string[] CsvColumns =
        ["series", "as_of", "model_year", "observed", "bound", "sd", "median", "low50", "high50", "low90", "high90", "inside50", "inside90", "crps", "crps_relative", "replications"];

    private static void WriteCsv(TextWriter w, IReadOnlyList<HeldOutScore> scores)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        w.WriteLine(string.Join(',', CsvColumns));
        foreach (var s in scores)
            w.WriteLine(string.Join(',', Quote(s.Target.Series.Name), Quote(s.Target.Point.AsOf), N(s.Target.Point.ModelYear), N(s.Observed),
                s.Target.IsLowerBound ? "lower" : "", N(s.Target.Sd), N(s.Median), N(s.Band50.Lower), N(s.Band50.Upper), N(s.Band90.Lower), N(s.Band90.Upper),
                s.Inside50 ? "true" : "false", s.Inside90 ? "true" : "false", N(s.Crps), N(s.RelativeCrps), s.Replications.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
