namespace ZjSim.GrainInterfaces;

/// <summary>An industry brain launched in one replication: the year and the clusters it serves.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.BrainLaunch")]
public sealed record BrainLaunch(
    [property: Id(0)] int Replication,
    [property: Id(1)] int Year,
    [property: Id(2)] int[] ServedClusters);
