namespace ZjSim.GrainInterfaces;

/// <summary>
/// One replication (keyed "run/replication"): advances the years, one coarse call per cluster-year,
/// steps the province, and hands the outcome to the run's aggregator.
/// </summary>
[Alias("ZjSim.IReplicationGrain")]
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>Runs the replication to the end; returns the enterprise-years it simulated.</summary>
    [Alias("Run")] Task<long> Run(Immutable<RunRequest> request, int replication);
}
