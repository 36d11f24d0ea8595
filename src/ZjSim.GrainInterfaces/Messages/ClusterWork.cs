namespace ZjSim.GrainInterfaces;

/// <summary>What one cluster grain simulated in a replication, and on which silo: shows how work spread over a cluster.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.ClusterWork")]
public sealed record ClusterWork(
    [property: Id(0)] string Silo,
    [property: Id(1)] long EnterpriseYears);
