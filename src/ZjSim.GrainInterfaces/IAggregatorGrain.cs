namespace ZjSim.GrainInterfaces;

/// <summary>Per run (keyed by run id): collects each replication's outcome (one per replication: a retried one replaces the first).</summary>
[Alias("ZjSim.IAggregatorGrain")]
public interface IAggregatorGrain : IGrainWithStringKey
{
    /// <summary>A batch of outcomes, each stored before the call returns; a replication recorded again replaces itself.</summary>
    [Alias("Record")] Task Record(Immutable<ReplicationOutcome[]> outcomes);
    /// <summary>All outcomes so far, ordered by replication.</summary>
    [Alias("Outcomes")] Task<Immutable<ReplicationOutcome[]>> Outcomes();
    /// <summary>Removes every stored outcome of the run and deactivates (the run is forgotten).</summary>
    [Alias("Forget")] Task Forget();
}
