namespace ZjSim.Model.Simulation;

/// <summary>
/// Where a replication's clusters and brains live, as <see cref="YearSchedule"/> sees them: in this thread
/// (<see cref="ReplicationRunner"/>) or in grains. The schedule decides what happens and in which order; a host
/// only carries it out. Reports come back in cluster-index order.
/// </summary>
public interface IReplicationHost
{
    /// <summary>Initialises every cluster and its enterprises for the base year.</summary>
    ValueTask<IReadOnlyList<ClusterReport>> StartClusters();

    /// <summary>Steps every cluster one year; <paramref name="directives"/>[i] is what the province's agents hand cluster i.</summary>
    ValueTask<IReadOnlyList<ClusterReport>> StepClusters(int year, IReadOnlyList<Rules.ClusterDirective> directives);

    /// <summary>
    /// The brains' year: each brain adds the enterprises it connected last year (<paramref name="connectionsByBrain"/>,
    /// by brain number), the brains launched this year (their sectors) are added after the others, and every brain's
    /// record comes back by number. The replication reads the brains' state from here, where the brains hold it.
    /// </summary>
    ValueTask<IReadOnlyList<Agents.BrainRecord>> StepBrains(int year, IReadOnlyList<int> launchedSectors, IReadOnlyList<long> connectionsByBrain);

    /// <summary>A year begins (the base year included): a place for tracing.</summary>
    void YearBegins(int year) { }

    /// <summary>A year has been stepped and recorded.</summary>
    void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched) { }
}
