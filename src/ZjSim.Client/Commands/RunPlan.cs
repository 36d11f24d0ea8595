using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Client.Commands;

/// <summary>A validated run: the resolved scenario, goals, and the request the grains will receive.</summary>
public sealed record RunPlan(RunOptions Options, Scenario Scenario, GoalSet Goals, string GoalsPath, RunRequest Request)
{
    public const int MaxReplications = 1_000_000;

    /// <summary>
    /// Lanes when --concurrency is not given: four to a core. A lane's batch waits every year for its slowest cluster and
    /// for its own serial province work, and the cores idle meanwhile unless another lane has work: on 2 cores, in one
    /// bench run, 8 lanes ran at 1.65×(a), 4 at 1.32× and 2 at 1.15–1.4× (docs/benchmarks.md, issue 15); the batches
    /// shrink with more lanes (at most 64 replications in flight), so memory stays where it was.
    /// </summary>
    public static int DefaultLanes => 4 * Math.Max(1, Environment.ProcessorCount);

    /// <summary>Sortable, readable and unique: time, what ran, seed, and a short random suffix.</summary>
    public static string NewRunId(string what, ulong seed) =>
        $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{what}-s{seed}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Checks every input before anything runs or is written; throws UsageException or ConfigException.</summary>
    public static RunPlan Prepare(RunOptions o, string? runId = null)
    {
        if (o.Replications < 1)
            throw new UsageException($"--replications: must be at least 1 (got {o.Replications})");
        if (o.Replications > MaxReplications)
            throw new UsageException($"--replications: at most {MaxReplications} (got {o.Replications})");
        if (o.Scale is double s && !(s > 0 && s <= 1))
            throw new UsageException($"--scale: must lie in (0, 1] (got {s})");
        if (o.Concurrency is int c && c < 1)
            throw new UsageException($"--concurrency: must be at least 1 (got {c})");

        string configDir = ConfigDirectory.Locate(o.ConfigDirectory);
        var scenario = ScenarioLoader.Load(o.Scenario, configDir, new LoadOptions { Scale = o.Scale, Parameters = o.Parameters });
        string goalsPath = Path.Combine(configDir, ConfigDirectory.GoalsFile);
        var goals = GoalSet.Load(goalsPath, scenario.Parameters.Years);
        var world = new WorldLayout(scenario.Parameters);
        if (world.EnterpriseCount == 0)
            throw new UsageException($"--scale {scenario.Parameters.World.Scale}: the world would hold no enterprises; use a larger scale");

        runId ??= NewRunId(scenario.Name, o.Seed);
        var request = RunRequest.For(runId, scenario, goals, o.Seed, o.Replications, o.Granularity,
            o.Concurrency ?? DefaultLanes) with { KeepByCluster = o.By != Output.Breakdown.None };
        return new RunPlan(o, scenario, goals, goalsPath, request);
    }
}
