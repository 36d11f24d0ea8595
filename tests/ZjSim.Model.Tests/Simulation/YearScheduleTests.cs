using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>The schedule decides the order of a replication's events; a host only carries them out.</summary>
public class YearScheduleTests
{
    /// <summary>A host that steps the clusters in this thread and writes down every call the schedule makes.</summary>
    private sealed class RecordingHost(WorldLayout world, ulong seed, int replication, Func<BrainRecord, BrainRecord>? alter = null) : IReplicationHost
    {
        private ClusterPopulation[] _clusters = [];
        private readonly BrainLedger _brains = new();
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

        public ValueTask<IReadOnlyList<BrainRecord>> StepBrains(int year, IReadOnlyList<int> launchedSectors, IReadOnlyList<long> connectionsByBrain)
        {
            Calls.Add($"brains {year} of {connectionsByBrain.Count} x{launchedSectors.Count}");
            var records = _brains.Step(year, launchedSectors, connectionsByBrain);
            return new(alter is null ? records : records.Select(alter).ToArray());
        }

        public void YearBegins(int year) => Calls.Add($"begin {year}");
        public void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched) => Calls.Add($"end {year}");
    }

    [Fact]
    public async Task Each_year_the_brains_step_before_the_clusters_and_any_host_gives_the_reference_table()
    {
        var world = TestConfig.World("brain-led");
        var host = new RecordingHost(world, 11, 2);
        var table = await YearSchedule.Run(world, 11, 2, host);

        var years = world.Parameters.Years;
        int brains = world.Parameters.Brains.Initial;
        Assert.Equal(["begin 2021", "start", $"brains 2021 of 0 x{brains}", "end 2021"], host.Calls.Take(4));
        var rest = host.Calls.Skip(4).ToList();
        int k = 0;
        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            Assert.Equal($"begin {year}", rest[k++]);
            Assert.StartsWith($"brains {year} of {brains} x", rest[k]);   // every brain adds its connections, launches follow
            brains += int.Parse(rest[k++].Split('x')[1]);
            Assert.Equal($"step {year}", rest[k++]);
            Assert.Equal($"end {year}", rest[k++]);
        }
        Assert.Equal(rest.Count, k);
        Assert.Equal(brains, table[years.EndYear, Indicator.IndustryBrains]);
        Assert.True(brains > world.Parameters.Brains.Initial, "brain-led should deliver brains");
        Assert.Equal(ReplicationRunner.Run(world, 11, 2).Values, table.Values);
    }

    /// <summary>The brains' state is what the host returns, not a copy the province keeps: a host whose brains all serve one sector changes the run.</summary>
    [Fact]
    public async Task A_replication_reads_its_brains_from_where_they_are_held()
    {
        var world = TestConfig.World("brain-led");
        var host = new RecordingHost(world, 11, 2, b => b with { Sector = 0 });
        var table = await YearSchedule.Run(world, 11, 2, host);
        var reference = ReplicationRunner.Run(world, 11, 2);
        int year = world.Parameters.Years.EndYear;
        int sectorZero = world.Clusters.Count(c => c.SectorIndex == 0);
        Assert.Equal(sectorZero, table[year, Indicator.ClustersServedByBrains]);
        Assert.NotEqual(reference[year, Indicator.ClustersServedByBrains], table[year, Indicator.ClustersServedByBrains]);
    }
}
