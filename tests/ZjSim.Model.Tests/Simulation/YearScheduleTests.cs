using ZjSim.Model.Rules;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>The schedule decides the order of a replication's events; a host only carries them out.</summary>
public class YearScheduleTests
{
    /// <summary>A host that steps the clusters in this thread and writes down every call the schedule makes.</summary>
    private sealed class RecordingHost(WorldLayout world, ulong seed, int replication) : IReplicationHost
    {
        private ClusterPopulation[] _clusters = [];
        public List<string> Calls { get; } = [];

        public ValueTask<IReadOnlyList<ClusterReport>> StartClusters()
        {
            Calls.Add("start");
            _clusters = world.Clusters.Select(c => new ClusterPopulation(world, c, seed, replication)).ToArray();
            return new(_clusters.Select(c => c.InitialReport).ToArray());
        }

        public async ValueTask<IReadOnlyList<ClusterReport>> StepClusters(int year, IReadOnlyList<ClusterDirective> directives)
        {
            await Task.Yield();   // a host that really waits, as grains do
            Calls.Add($"step {year}");
            return _clusters.Select((c, i) => c.StepYear(year, directives[i])).ToArray();
        }

        public ValueTask LaunchBrains(int year, int firstBrain, IReadOnlyList<int[]> launches)
        {
            Calls.Add($"brains {year} from {firstBrain} x{launches.Count}");
            return ValueTask.CompletedTask;
        }

        public void YearBegins(int year) => Calls.Add($"begin {year}");
        public void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched) => Calls.Add($"end {year}");
    }

    [Fact]
    public async Task Each_year_launches_brains_before_the_clusters_step_and_any_host_gives_the_reference_table()
    {
        var world = TestConfig.World("brain-led");
        var host = new RecordingHost(world, 11, 2);
        var table = await YearSchedule.Run(world, 11, 2, host);

        var years = world.Parameters.Years;
        Assert.Equal(["begin 2021", "start", "end 2021"], host.Calls.Take(3));
        int brains = world.Parameters.Brains.Initial;
        var rest = host.Calls.Skip(3).ToList();
        int k = 0;
        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            Assert.Equal($"begin {year}", rest[k++]);
            if (rest[k].StartsWith($"brains {year} from {brains} x", StringComparison.Ordinal))
                brains += int.Parse(rest[k++].Split('x')[1]);
            Assert.Equal($"step {year}", rest[k++]);
            Assert.Equal($"end {year}", rest[k++]);
        }
        Assert.Equal(rest.Count, k);
        Assert.Equal(brains, table[years.EndYear, Indicator.IndustryBrains]);
        Assert.True(brains > world.Parameters.Brains.Initial, "brain-led should deliver brains");
        Assert.Equal(ReplicationRunner.Run(world, 11, 2).Values, table.Values);
    }
}
