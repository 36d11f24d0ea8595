using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using ZjSim.Client.Experiments;
using ZjSim.Hosting;
using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim experiment DESIGN`: every point of a design (docs/experiments.md) run as a run of the base scenario with the
/// point's parameter values, all with the design's seed (common random numbers), through the run grain on the
/// embedded silo or the --cluster. Ctrl+C keeps the finished points (manifest "partial"); --resume DIR runs the rest
/// and writes the same tables, byte for byte, as an uninterrupted experiment.
/// </summary>
public static class ExperimentCommand
{
    public static ExplorationCommand Define()
    {
        var design = new Argument<string?>("DESIGN") { Description = "The design file (JSON; see docs/experiments.md)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder; must be new or empty (default: a new folder under runs/)" };
        var resume = new Option<string?>("--resume") { Description = "Finish the partial experiment in this folder (its manifest holds the design)" };
        var scale = new Option<double?>("--scale") { Description = "Share of the province to simulate, in (0, 1] (default: the design's \"scale\", else 1)" };
        var inFlight = new Option<int?>("--points-in-flight") { Description = "Points run at once (default: 4 × cores; each point is one lane)" };
        var limit = new Option<int?>("--limit") { Description = "Run at most this many points in this session, then stop as partial (--resume continues)" };
        var command = new Command("experiment", "Run a designed experiment over parameters and levers (grid, lhs, saltelli, morris or a table)")
        {
            design, output, resume, scale, inFlight, limit,
        };
        return new ExplorationCommand(command, (parsed, config, cluster, console, error, cancellation) => Execute(
            new Options(parsed.GetValue(design), parsed.GetValue(output), parsed.GetValue(resume), parsed.GetValue(scale),
                parsed.GetValue(inFlight), parsed.GetValue(limit), config), cluster, console, error, cancellation));
    }

    public sealed record Options(string? Design, string? Output, string? Resume, double? Scale, int? PointsInFlight, int? Limit, string? Config);

    public static async Task<int> Execute(Options o, string? cluster, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        ExperimentDesign design;
        RunPlan basePlan;
        ExperimentFolder folder;
        JsonObject? previous = null;
        List<(int Point, double[] Values, Scenario Scenario)> todo;
        SortedDictionary<int, PointResult> finished;
        string experimentId;
        try
        {
            if (o.PointsInFlight is int w && w < 1) throw new UsageException($"--points-in-flight: must be at least 1 (got {w})");
            if (o.Limit is int l && l < 1) throw new UsageException($"--limit: must be at least 1 (got {l})");
            double? scale;
            if (o.Resume is string dir)
            {
                if (o.Design is not null || o.Output is not null || o.Scale is not null)
                    throw new UsageException("--resume takes the design, folder and scale from the experiment's manifest; give no DESIGN, --out or --scale with it");
                folder = ExperimentFolder.Open(dir);
                previous = folder.ReadManifest();
                string manifestPath = Path.Combine(folder.Path, ExperimentFolder.Manifest);
                design = ExperimentDesign.Parse(previous["design_file"]?.GetValue<string>() ?? manifestPath, previous["design"]?.GetValue<string>()
                    ?? throw new ConfigException(manifestPath, "design", "is missing"));
                if (previous["design_sha256"]?.GetValue<string>() != design.Hash)
                    throw new ConfigException(manifestPath, "design_sha256", "does not match the design it holds; the folder was edited");
                scale = previous["scale"]?.GetValue<double>();
                experimentId = previous["experiment_id"]!.GetValue<string>();
            }
            else
            {
                if (o.Design is null) throw new UsageException("give a DESIGN file, or --resume DIR");
                design = ExperimentDesign.Load(o.Design);
                scale = o.Scale ?? design.Scale;
                experimentId = RunPlan.NewRunId("experiment", design.Seed);
                folder = null!;
            }
            basePlan = RunPlan.Prepare(new RunOptions(design.Scenario, design.Replications, design.Seed, null, Granularity.Cluster,
                scale, o.Config, null));
            if (previous is not null && previous["scenario_hash"]?.GetValue<string>() != basePlan.Scenario.Hash)
                throw new UsageException($"{o.Resume}: the base scenario '{design.Scenario}' has changed since the experiment started (its hash differs); start a new experiment");
            var points = design.Points();
            // Every point's parameters are built and checked before anything runs or is written.
            todo = points.Select((values, i) => (i, values, design.PointScenario(basePlan.Scenario, values))).ToList();
            if (previous is null) folder = ExperimentFolder.Create(o.Output, experimentId);
            finished = folder.ReadPoints();
            todo = todo.Where(p => !finished.ContainsKey(p.Item1)).ToList();
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim experiment: {e.Message}");
            return ExitCodes.BadInput;
        }

        var columns = new ExperimentColumns(design.Paths, Indicators.Names, basePlan.Goals.Goals.Select(g => g.Name).ToArray());
        int total = (int)design.PointCount;
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        string host = "";
        bool complete = todo.Count == 0;
        JsonObject Manifest(bool partial) => new()
        {
            ["format"] = ResultFiles.Format,
            ["command"] = "experiment",
            ["experiment_id"] = experimentId,
            ["zjsim_version"] = ResultFiles.Version,
            ["commit"] = ResultFiles.Commit,
            ["design_file"] = design.File,
            ["design_sha256"] = design.Hash,
            ["design"] = design.Text,
            ["scenario"] = basePlan.Scenario.Name,
            ["scenario_hash"] = basePlan.Scenario.Hash,
            ["sampler"] = design.Sampler.ToString().ToLowerInvariant(),
            ["parameters"] = new JsonArray(design.Paths.Select(p => (JsonNode)p).ToArray()),
            ["goals"] = new JsonArray(columns.Goals.Select(g => (JsonNode)g).ToArray()),
            ["indicator_year"] = basePlan.Scenario.Parameters.Years.EndYear,
            ["seed"] = design.Seed,
            ["replications"] = design.Replications,
            ["scale"] = basePlan.Scenario.Parameters.World.Scale,
            ["points"] = total,
            ["points_completed"] = finished.Count,
            ["partial"] = partial,
            ["host"] = host,
            ["resumed"] = previous is not null,
            ["timings"] = new JsonObject
            {
                ["started_utc"] = started.ToString("O", CultureInfo.InvariantCulture),
                ["finished_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            },
            ["machine"] = ResultFiles.Machine(),
        };

        if (previous is null)
        {
            folder.WriteText(ExperimentFolder.Design, design.Text);
            folder.WriteManifest(Manifest(partial: true));
        }
        if (!complete)
        {
            var session = o.Limit is int cap ? todo.Take(cap).ToList() : todo;
            try
            {
                await using var simHost = await SimulationHosts.StartAsync(cluster, null, cancellation);
                host = simHost.Description;
                console.MarkupLine($"[grey]experiment {Markup.Escape(experimentId)}: {design.Sampler.ToString().ToLowerInvariant()} design, {total} points × {design.Replications} replications of {Markup.Escape(basePlan.Scenario.Name)}, seed {design.Seed} (common random numbers), scale {basePlan.Scenario.Parameters.World.Scale}; {finished.Count} already done[/]");
                var runner = new PointRunner(simHost, basePlan, experimentId + (previous is null ? "" : "-r" + Guid.NewGuid().ToString("N")[..6]), RunCommand.RetryNotice(console));
                int wave = o.PointsInFlight ?? PointRunner.DefaultPointsInFlight;
                await PointsProgress.Follow(console, finished.Count, total, report =>
                    runner.RunAsync(session, wave, p => { folder.WritePoint(p); finished[p.Point] = p; }, report, cancellation));
                complete = finished.Count == total;
            }
            catch (ServiceUnreachableException e)
            {
                error.WriteLine($"zjsim experiment: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) { }
            catch (SimulationFailedException e)
            {
                error.WriteLine($"zjsim experiment: the simulation failed: {e.Message}; the {finished.Count} finished points are kept (--resume {folder.Path})");
                ExperimentTables.Write(folder, columns, finished.Values);
                folder.WriteManifest(Manifest(partial: true));
                return ExitCodes.Failed;
            }
        }
        ExperimentTables.Write(folder, columns, finished.Values);
        folder.WriteManifest(Manifest(partial: !complete));
        console.MarkupLine($"{finished.Count} of {total} points in [bold]{Markup.Escape(folder.Path)}[/] (experiments.csv, experiments.parquet, points.csv, manifest.json)");
        if (!complete)
        {
            console.MarkupLine($"[yellow]Partial: kept the finished points. Finish with: zjsim experiment --resume {Markup.Escape(folder.Path)}[/]");
            return cancellation.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Ok;
        }
        return ExitCodes.Ok;
    }
}
