using System.Text.Json;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// Everything a run needs, resolved by the client: the scenario's canonical parameter JSON (so every
/// silo simulates exactly what the manifest records) with a joint sample (the posterior) named by its stored key,
/// not carried (<see cref="StoredJointSample"/>, fetched once per silo from <see cref="IJointSampleGrain"/>), the goals,
/// seed and replications. MaxConcurrentReplications is the number of
/// lanes; each runs a batch of ReplicationsPerCall replications at a time (0: chosen from the run's size). KeepByCluster
/// asks each replication to keep its per-cluster-per-year quantities (for `--by cluster|sector`); off, it costs nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ScenarioName,
    [property: Id(2)] string ParametersJson,
    [property: Id(3)] string ScenarioHash,
    [property: Id(4)] string GoalsJson,
    [property: Id(5)] ulong Seed,
    [property: Id(6)] int Replications,
    [property: Id(7)] Granularity Granularity,
    [property: Id(8)] int MaxConcurrentReplications,
    [property: Id(9)] int ReplicationsPerCall = 0,
    [property: Id(10)] bool KeepByCluster = false)
{
    /// <summary>The one way a request is made: the scenario's canonical parameters and the goals, as every silo will read them.</summary>
    public static RunRequest For(string runId, Scenario scenario, GoalSet goals, ulong seed, int replications,
        Granularity granularity, int maxConcurrentReplications) =>
        new(runId, scenario.Name, scenario.RequestJson, scenario.Hash, JsonSerializer.Serialize(goals, ConfigJson.Options),
            seed, replications, granularity, maxConcurrentReplications);

    /// <summary>Loads the scenario (by name or path) and the goals from a config folder, then makes the request.</summary>
    public static RunRequest Load(string runId, string configDir, string scenario, double? scale, ulong seed, int replications,
        Granularity granularity, int maxConcurrentReplications)
    {
        var s = ScenarioLoader.Load(scenario, configDir, scale);
        var goals = GoalSet.Load(Path.Combine(configDir, ConfigDirectory.GoalsFile), s.Parameters.Years);
        return For(runId, s, goals, seed, replications, granularity, maxConcurrentReplications);
    }
}
