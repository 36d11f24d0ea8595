namespace ZjSim.GrainInterfaces;

/// <summary>
/// A lane of a run (keyed "run/laneN"): runs replications one after another, each year by year with one
/// coarse call per cluster-year, and hands each outcome to the run's aggregator. Its cluster grains stay
/// active from one replication to the next, so a replication costs calls rather than a hundred activations.
/// </summary>
[Alias("ZjSim.ILaneGrain")]
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Runs the replication to the end; returns the enterprise-years it simulated.</summary>
    [Alias("Run")] Task<long> Run(Immutable<RunRequest> request, int replication);

    /// <summary>The lane has no more replications: release its cluster grains and deactivate.</summary>
    [Alias("Release")] Task Release();
}
