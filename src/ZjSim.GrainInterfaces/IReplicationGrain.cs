namespace ZjSim.GrainInterfaces;

/// <summary>
/// A lane of a run (keyed "run/laneN"): runs replications one after another, each advancing the years with one
/// coarse call per cluster-year, stepping the province, and handing the outcome to the run's aggregator.
/// Its cluster grains are reused from one replication to the next.
/// </summary>
[Alias("ZjSim.IReplicationGrain")]
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>Runs the replication to the end; returns the enterprise-years it simulated.</summary>
    [Alias("Run")] Task<long> Run(Immutable<RunRequest> request, int replication);
    /// <summary>The lane is done: release its cluster grains and deactivate.</summary>
    [Alias("Release")] Task Release();
}
