using ZjSim.Model;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// A cluster grain's base-year report for a replication, and the silo it runs on, so the replication can
/// say how its work spread over a cluster without a further call.
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.ClusterStart")]
public sealed record ClusterStart(
    [property: Id(0)] ClusterReport Report,
    [property: Id(1)] string Silo);
