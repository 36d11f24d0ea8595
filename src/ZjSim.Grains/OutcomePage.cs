using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

// The stored form of an aggregator: an index of pages, and pages of outcomes. Aliased, since storage outlives builds.

/// <summary>Which outcome pages an aggregator has written.</summary>
[GenerateSerializer, Alias("ZjSim.OutcomePageIndex")]
internal sealed class OutcomePageIndex
{
    [Id(0)] public List<int> Pages { get; set; } = [];
}

/// <summary>Up to a page of a run's replication outcomes, by replication.</summary>
[GenerateSerializer, Alias("ZjSim.OutcomePage")]
internal sealed class OutcomePage
{
    [Id(0)] public Dictionary<int, ReplicationOutcome> Outcomes { get; set; } = [];
}
