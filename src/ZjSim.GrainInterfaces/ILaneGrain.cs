namespace ZjSim.GrainInterfaces;

/// <summary>
/// A lane of a run (keyed "run/laneN"): runs batches of replications one after another. The replications of a batch
/// advance together, each year by year, sharing one coarse call per cluster-year, and their outcomes go to the run's
/// aggregator in one call. Its cluster grains stay active from one batch to the next, so a replication costs a
/// fraction of a call per cluster-year rather than a hundred activations.
/// </summary>
[Alias("ZjSim.ILaneGrain")]
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Runs the replications to the end and records their outcomes; returns the enterprise-years each simulated.</summary>
    [Alias("Run")] Task<long[]> Run(Immutable<RunRequest> request, int[] replications);

    /// <summary>The lane has no more replications: release its cluster and brain grains and deactivate.</summary>
    [Alias("Release")] Task Release();
}
