using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using ZjSim.Hosting;
using ZjSim.Client.Output;
using ZjSim.Client.Results;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim --cluster ADDR attach RUN_ID`: reconnects to a run on a cluster (started by a client that went away,
/// or still running), follows it to the end and writes the same three files as `run`.
/// </summary>
public static class AttachCommand
{
    public static async Task<int> ExecuteAsync(string runId, string? outputDirectory, string? configDirectory, string? cluster,
        IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        if (cluster is null)
        {
            error.WriteLine("zjsim attach: needs --cluster redis://HOST:PORT (a run on the embedded silo ends with its process)");
            return ExitCodes.BadInput;
        }
        RunFolder folder;
        try { folder = RunFolder.Reserve(outputDirectory, runId); }
        catch (UsageException e)
        {
            error.WriteLine($"zjsim attach: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (folder)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await using var host = await SimulationHosts.StartAsync(cluster, null, cancellation);
                double startup = clock.Elapsed.TotalSeconds;
                var request = await host.Grains.GetGrain<IRunGrain>(runId).GetRequest();
                if (request is null)
                {
                    error.WriteLine($"zjsim attach: the cluster at {SimulationHosts.Shown(cluster!)} has no run '{runId}'");
                    return ExitCodes.BadInput;
                }
                // The request names a posterior by its stored key; the result files need its rows.
                string canonical = ParameterUncertainty.StoredSampleKey(request.ParametersJson) is string key
                    ? ParameterUncertainty.WithStoredSample(request.ParametersJson,
                        new StoredJointSample(key, (await host.Grains.GetGrain<IJointSampleGrain>(key).Get()).Value))
                    : request.ParametersJson;
                var plan = PlanOf(request, canonical, configDirectory, outputDirectory);
                console.MarkupLine($"[grey]attached to run {Markup.Escape(runId)}: {Markup.Escape(request.ScenarioName)}, {request.Replications} replications, seed {request.Seed}, {request.Granularity.ToString().ToLowerInvariant()} granularity, scale {plan.Scenario.Parameters.World.Scale}[/]");

                int lastTenth = -1;
                DateTime? started = null;
                var sim = (await Simulator.FollowAsync(host, [plan], (_, p) =>
                {
                    // The run started before this client came: date it by the run's own clock.
                    started ??= DateTime.UtcNow - TimeSpan.FromSeconds(p.ElapsedSeconds);
                    int tenth = p.Completed * 10 / Math.Max(1, p.Total);
                    if (tenth == lastTenth) return;
                    lastTenth = tenth;
                    console.WriteLine($"  {p.Completed}/{p.Total} replications, {p.ElapsedSeconds:0.0} s");
                }, cancellation, RunCommand.RetryNotice(console)))[0];

                var final = sim.Final;
                var record = sim.ToRecord(folder.FinalPath);
                var provenance = new RunProvenance(canonical, plan.Scenario.SourcePath,
                    plan.GoalsPath.Length > 0 ? Path.GetFullPath(plan.GoalsPath) : "", started!.Value,
                    started.Value.AddSeconds(final.ElapsedSeconds), startup, final.ElapsedSeconds, final.EnterpriseYears, host.Description);
                ResultFiles.WriteRun(folder, "", record, provenance);
                folder.Commit();
                RunReport.Print(console, record);
                SiloWorkReport.Print(console, sim.Outcomes);
                console.MarkupLine($"Results written to [bold]{Markup.Escape(folder.FinalPath)}[/] (manifest.json, indicators.csv, goals.csv)");
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("zjsim attach: cancelled; nothing was written; the run goes on in the cluster");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is ServiceUnreachableException or UsageException)
            {
                error.WriteLine($"zjsim attach: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (SimulationFailedException e)
            {
                error.WriteLine($"zjsim attach: the simulation failed: {e.Message}; nothing was written");
                return ExitCodes.Failed;
            }
        }
    }

    /// <summary>
    /// The plan the run was started with, rebuilt from its request (which carries the resolved parameters
    /// and goals). Where the local config holds the same scenario and goals, the manifest names their files.
    /// </summary>
    private static RunPlan PlanOf(RunRequest request, string canonicalJson, string? configDirectory, string? outputDirectory)
    {
        var parameters = Scenario.ParametersFromJson(canonicalJson);
        var goals = JsonSerializer.Deserialize<GoalSet>(request.GoalsJson, ConfigJson.Options)
            ?? throw new SimulationFailedException($"run {request.RunId} carries no goals");
        var scenario = new Scenario(request.ScenarioName, "", "", parameters);
        string goalsPath = "";
        try
        {
            string config = ConfigDirectory.Locate(configDirectory);
            var local = ScenarioLoader.Load(request.ScenarioName, config, parameters.World.Scale);
            if (local.Hash == request.ScenarioHash) scenario = local;
            string localGoals = Path.Combine(config, ConfigDirectory.GoalsFile);
            if (JsonSerializer.Serialize(GoalSet.Load(localGoals, parameters.Years), ConfigJson.Options) == request.GoalsJson) goalsPath = localGoals;
        }
        catch (ConfigException)
        {
            // No such scenario or config here: the manifest still holds every parameter and goal, without file names.
        }
        var options = new RunOptions(request.ScenarioName, request.Replications, request.Seed, outputDirectory, request.Granularity,
            parameters.World.Scale, configDirectory, request.MaxConcurrentReplications);
        return new RunPlan(options, scenario, goals, goalsPath, request);
    }
}
