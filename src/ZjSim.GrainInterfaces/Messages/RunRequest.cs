namespace ZjSim.GrainInterfaces;

/// <summary>
/// Everything a run needs, resolved by the client: the scenario's canonical parameter JSON (so every
/// silo simulates exactly what the manifest records), the goals, seed and replications. MaxConcurrentReplications is the number of
/// lanes; each runs a batch of ReplicationsPerCall replications at a time (0: chosen from the run's size).
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
    [property: Id(9)] int ReplicationsPerCall = 0);
