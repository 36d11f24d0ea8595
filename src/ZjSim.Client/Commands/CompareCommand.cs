using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using ZjSim.Client.Comparison;
using ZjSim.Hosting;
using ZjSim.Hosting.Telemetry;
using ZjSim.Client.Output;
using ZjSim.Client.Results;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim compare`: runs several scenarios with common random numbers (same seed: replication r of every
/// scenario draws the same streams) and compares their goal probabilities pairwise; or, with --from,
/// compares saved runs without simulating again.
/// </summary>
public static class CompareCommand
{
    /// <param name="cluster">The global --cluster address, or null for the embedded silo.</param>
    public static async Task<int> ExecuteAsync(CompareOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation,
        string? cluster = null)
    {
        try
        {
            return options.From.Count > 0
                ? FromSaved(options, console)
                : await Simulate(options, console, error, cancellation, cluster);
        }
        catch (Exception e) when (e is UsageException or ConfigException or ServiceUnreachableException)
        {
            error.WriteLine($"zjsim compare: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static int FromSaved(CompareOptions options, IAnsiConsole console)
    {
        if (options.Scenarios.Count > 0) throw new UsageException("give either scenarios to simulate or --from run folders, not both");
        var records = options.From.SelectMany(ExpandRunFolders).Select(RunFolderReader.Load).ToList();
        var comparison = ScenarioComparison.Build(records);
        if (options.Run.OutputDirectory is string outDir)
        {
            using var folder = RunFolder.Reserve(outDir, "");
            WriteComparison(folder, comparison, new JsonObject
            {
                ["command"] = "compare --from",
                ["sources"] = new JsonArray(records.Select(r => (JsonNode)r.Folder!).ToArray()),
            });
            folder.Commit();
            ComparisonReport.Print(console, comparison);
            console.MarkupLine($"Comparison written to [bold]{Markup.Escape(folder.FinalPath)}[/]");
        }
        else ComparisonReport.Print(console, comparison);
        return ExitCodes.Ok;
    }

    /// <summary>A compare folder stands for its scenario folders; a run folder for itself.</summary>
    public static IEnumerable<string> ExpandRunFolders(string dir)
    {
        var m = RunFolderReader.ReadFields(dir);
        if (m.Text("command") != "compare") return [dir];
        // A scenario name is a folder inside the compare folder, never a path out of it.
        return m.Texts("scenarios").Select((name, i) => name.Length == 0 || name != Path.GetFileName(name) || name is "." or ".."
            ? throw m.Bad($"scenarios[{i}]", "a scenario folder's name") : Path.Combine(dir, name)).ToList();
    }

    private static async Task<int> Simulate(CompareOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation, string? cluster)
    {
        if (options.Scenarios.Count < 2) throw new UsageException("compare needs at least two scenarios (or --from with saved runs)");
        var o = options.Run;
        string compareId = RunPlan.NewRunId("compare", o.Seed);
        var plans = options.Scenarios.Select(s => RunPlan.Prepare(o with { Scenario = s }, runId: null)).ToList();
        var duplicate = plans.GroupBy(p => p.Scenario.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UsageException($"scenario '{duplicate.Key}' is given twice");
        plans = plans.Select(p => p with { Request = p.Request with { RunId = $"{compareId}/{p.Scenario.Name}" } }).ToList();

        using var folder = RunFolder.Reserve(o.OutputDirectory, compareId);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        SimulatedRun[] sims;
        string hostDescription;
        double startup;
        string? traceId;
        try
        {
            await using var host = await SimulationHosts.StartAsync(cluster, o.Telemetry, cancellation);
            hostDescription = host.Description;
            startup = clock.Elapsed.TotalSeconds;
            using var root = RunSpan.Start("zjsim compare", plans[0].Request, plans[0].Scenario.Parameters.World.Scale,
                runId: compareId, scenario: string.Join(",", plans.Select(p => p.Scenario.Name)));
            traceId = root?.TraceId.ToHexString();
            console.MarkupLine($"[grey]compare {Markup.Escape(compareId)}: {string.Join(", ", plans.Select(p => Markup.Escape(p.Scenario.Name)))}; {o.Replications} replications each, seed {o.Seed} (common random numbers), scale {plans[0].Scenario.Parameters.World.Scale}[/]");
            sims = await ProgressDisplay.Follow(console, plans, report => Simulator.RunAsync(host, plans, report, cancellation, RunCommand.RetryNotice(console)));
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("zjsim compare: cancelled; nothing was written");
            return ExitCodes.Cancelled;
        }
        catch (SimulationFailedException e)
        {
            error.WriteLine($"zjsim compare: the simulation failed: {e.Message}; nothing was written");
            return ExitCodes.Failed;
        }

        if (sims.Any(s => s.Outcomes.Length == 0))
        {
            error.WriteLine("zjsim compare: cancelled before every scenario finished a replication; nothing was written");
            return ExitCodes.Cancelled;
        }
        var finished = DateTime.UtcNow;
        var records = sims.Select(s => s.ToRecord(Path.Combine(folder.FinalPath, s.Plan.Scenario.Name))).ToList();
        foreach (var (sim, record) in sims.Zip(records))
        {
            var p = sim.Plan;
            ResultFiles.WriteRun(folder, p.Scenario.Name, record, new RunProvenance(p.Scenario.CanonicalJson, p.Scenario.SourcePath,
                Path.GetFullPath(p.GoalsPath), started, finished, startup, sim.Final.ElapsedSeconds, sim.Final.EnterpriseYears, hostDescription, traceId), o.By);
        }
        var comparison = ScenarioComparison.Build(records);
        bool partial = sims.Any(s => s.Partial);
        WriteComparison(folder, comparison, new JsonObject
        {
            ["command"] = "compare",
            ["run_id"] = compareId,
            ["scenarios"] = new JsonArray(plans.Select(p => (JsonNode)p.Scenario.Name).ToArray()),
            ["parameters"] = string.Join("; ", plans.Select(p => RunCommand.ParametersDrawn(p.Scenario)).Distinct()),
            ["seed"] = o.Seed,
            ["replications"] = o.Replications,
            ["completed_replications"] = new JsonObject(sims.Select(s => KeyValuePair.Create(s.Plan.Scenario.Name, (JsonNode?)s.Outcomes.Length))),
            ["partial"] = partial,
            ["scale"] = plans[0].Scenario.Parameters.World.Scale,
            ["granularity"] = o.Granularity.ToString().ToLowerInvariant(),
            ["host"] = hostDescription,
            ["trace_id"] = traceId,
            ["timings"] = new JsonObject
            {
                ["started_utc"] = started.ToString("O", CultureInfo.InvariantCulture),
                ["finished_utc"] = finished.ToString("O", CultureInfo.InvariantCulture),
                ["startup_seconds"] = Math.Round(startup, 3),
                ["simulation_seconds"] = Math.Round(sims.Max(s => s.Final.ElapsedSeconds), 3),
                ["enterprise_years"] = sims.Sum(s => s.Final.EnterpriseYears),
            },
        });
        folder.Commit();
        ComparisonReport.Print(console, comparison);
        console.MarkupLine($"Results written to [bold]{Markup.Escape(folder.FinalPath)}[/] (report.html, comparison.csv, comparison.json, charts/, one folder per scenario)");
        if (traceId is not null) console.MarkupLine($"Trace id: [bold]{traceId}[/]");
        if (!partial) return ExitCodes.Ok;
        // The one message of a cancelled comparison, on stderr like every other.
        error.WriteLine($"zjsim compare: cancelled; kept the finished replications ({string.Join(", ", sims.Select(s => $"{s.Plan.Scenario.Name} {s.Outcomes.Length}/{o.Replications}"))}) in {folder.FinalPath}, marked partial");
        return ExitCodes.Cancelled;
    }

    private static void WriteComparison(RunFolder folder, ScenarioComparison comparison, JsonObject manifest)
    {
        ComparisonFiles.Write(folder, comparison);
        ParquetFiles.WriteComparison(folder, comparison);
        var charts = ComparisonCharts.Write(folder, comparison);
        HtmlReport.Write(folder, comparison.Runs, comparison, charts, new ReportProvenance(
            manifest["command"]!.GetValue<string>(), manifest["run_id"]?.GetValue<string>() ?? Path.GetFileName(folder.FinalPath),
            manifest["trace_id"]?.GetValue<string>(), manifest["host"]?.GetValue<string>(), manifest["granularity"]?.GetValue<string>() ?? comparison.Runs[0].Granularity,
            manifest["parameters"]?.GetValue<string>()));
        var full = new JsonObject
        {
            ["format"] = ResultFiles.Format,
            ["zjsim_version"] = ResultFiles.Version,
            ["commit"] = ResultFiles.Commit,
        };
        foreach (var (k, v) in manifest) full[k] = v?.DeepClone();
        full["paired"] = comparison.Paired;
        full["charts"] = new JsonArray(charts.Select(c => (JsonNode)c.Replace('\\', '/')).ToArray());
        full["machine"] = ResultFiles.Machine();
        full["data_dictionary"] = DataDictionary.Json();
        folder.Write(ResultFiles.Manifest, w => w.Write(full.ToJsonString(ConfigJson.Indented)));
    }
}
