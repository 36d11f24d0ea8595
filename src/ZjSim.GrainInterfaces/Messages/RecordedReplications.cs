namespace ZjSim.GrainInterfaces;

/// <summary>
/// Which replications of a run the aggregator holds, and their enterprise-years: what the run grain checks at the end,
/// without the outcomes themselves (a large run's would pass Orleans' 100 MB message limit between silos).
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.RecordedReplications")]
public sealed record RecordedReplications(
    [property: Id(0)] int[] Replications,
    [property: Id(1)] long EnterpriseYears);
