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

    /// <summary>Brains launched this year, numbered from <paramref name="firstBrain"/>, each with the clusters of its sector.</summary>
    ValueTask LaunchBrains(int year, int firstBrain, IReadOnlyList<int[]> launches) => ValueTask.CompletedTask;

    /// <summary>A year begins (the base year included): a place for tracing.</summary>
    void YearBegins(int year) { }

    /// <summary>A year has been stepped and recorded.</summary>
    void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched) { }
}
