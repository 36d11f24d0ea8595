namespace ZjSim.GrainInterfaces;

/// <summary>Per run (keyed by run id): collects each replication's outcome (one per replication: a retried one replaces the first).</summary>
[Alias("ZjSim.IAggregatorGrain")]
public interface IAggregatorGrain : IGrainWithStringKey
{
    /// <summary>A batch of outcomes, each stored before the call returns; a replication recorded again replaces itself.</summary>
    [Alias("Record")] Task Record(Immutable<ReplicationOutcome[]> outcomes);
    /// <summary>All outcomes so far, ordered by replication.</summary>
    [Alias("Outcomes")] Task<Immutable<ReplicationOutcome[]>> Outcomes();
    /// <summary>
    /// At most <paramref name="count"/> outcomes of replications numbered <paramref name="fromReplication"/> or more, ordered
    /// by replication: one reply holding a whole large run would pass Orleans' 100 MB message limit (about 68,000 replications).
    /// </summary>
    [Alias("OutcomesFrom")] Task<Immutable<ReplicationOutcome[]>> OutcomesFrom(int fromReplication, int count);
    /// <summary>The replications recorded so far, in order, and their enterprise-years.</summary>
    [Alias("Recorded")] Task<RecordedReplications> Recorded();
    /// <summary>Removes every stored outcome of the run and deactivates (the run is forgotten).</summary>
    [Alias("Forget")] Task Forget();
}
