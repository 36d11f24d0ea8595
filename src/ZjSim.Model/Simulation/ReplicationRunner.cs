using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// One replication of the model in a single thread, without Orleans: <see cref="YearSchedule"/> with the clusters
/// held here in batch. The reference the grains must reproduce bit for bit, and the engine of the single-thread
/// benchmark.
/// </summary>
public static class ReplicationRunner
{
    /// <param name="byCluster">When given, receives the replication's per-cluster-per-year quantities (as `--by` keeps them).</param>
    public static IndicatorTable Run(WorldLayout world, ulong seed, int replication, ClusterYears? byCluster = null)
    {
        var run = YearSchedule.Run(world, seed, replication, new InThread(world, seed, replication, byCluster));
        // Every step of the in-thread host completes synchronously, so this never waits.
        return run.IsCompletedSuccessfully ? run.Result : run.AsTask().GetAwaiter().GetResult();
    }

    private sealed class InThread(WorldLayout world, ulong seed, int replication, ClusterYears? byCluster) : IReplicationHost
    {
        public void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched) => byCluster?.Record(year, reports);

        private readonly ClusterPopulation[] _clusters = new ClusterPopulation[world.Clusters.Count];
        private readonly BrainLedger _brains = new();

        public ValueTask<IReadOnlyList<Agents.BrainRecord>> StepBrains(int year, IReadOnlyList<int> launchedSectors, IReadOnlyList<long> connectionsByBrain) =>
            new(_brains.Step(year, launchedSectors, connectionsByBrain));

        public ValueTask<IReadOnlyList<ClusterReport>> StartClusters()
        {
            var reports = new ClusterReport[_clusters.Length];
            for (int i = 0; i < _clusters.Length; i++)
            {
                _clusters[i] = new ClusterPopulation(world, world.Clusters[i], seed, replication);
                reports[i] = _clusters[i].InitialReport;
            }
            return new(reports);
        }

        public ValueTask<IReadOnlyList<ClusterReport>> StepClusters(int year, IReadOnlyList<Rules.ClusterDirective> directives)
        {
            var reports = new ClusterReport[_clusters.Length];
            for (int i = 0; i < _clusters.Length; i++) reports[i] = _clusters[i].StepYear(year, directives[i]);
            return new(reports);
        }
    }
}
