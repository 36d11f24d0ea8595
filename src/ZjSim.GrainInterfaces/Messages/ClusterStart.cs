using ZjSim.Model;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// A cluster grain's base-year reports, one per replication of the batch, and the silo it runs on, so the lane can
/// say how its work spread over a cluster without a further call.
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.ClusterStart")]
public sealed record ClusterStart(
    [property: Id(0)] ClusterReport[] Reports,
    [property: Id(1)] string Silo);
