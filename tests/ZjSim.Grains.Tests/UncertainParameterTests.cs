using Orleans.Concurrency;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Uncertainty;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Grains.Tests;

/// <summary>A replication's drawn parameters are the same on every silo and at every granularity.</summary>
[Collection(SiloCollection.Name)]
public sealed class UncertainParameterTests(SiloFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-grains-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario()
    {
        // Parameters that act on enterprises (hazards), brains and the government (their effect on enterprises),
        // clusters (output) and the province (value added).
        string path = Path.Combine(_dir, "uncertain.json");
        File.WriteAllText(path, """
            { "description": "uncertain", "parameters": {
                "adoption": { "q": [ { "dist": "triangular", "min": 0.1, "mode": 0.38, "max": 0.9 }, 0.2, 0.08, 0.03 ] },
                "brains": { "boost": { "dist": "uniform", "min": 0.0, "max": 0.2 } },
                "government": { "acceptance": { "dist": "beta", "alpha": 2, "beta": 2, "min": 0.2, "max": 0.8 } },
                "cluster_output": { "adoption_elasticity": { "dist": "normal", "mean": 1, "sd": 0.5, "min": 0, "max": 3 } },
                "value_added": { "other_growth": { "dist": "uniform", "min": 0.0, "max": 0.2 } } } }
            """);
        return path;
    }

    private async Task<ReplicationOutcome[]> RunToEnd(RunRequest request) => (await fixture.RunToEnd(request)).Outcomes;

    private static long[] Bits(IndicatorTable t) => t.Values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public async Task Cluster_and_enterprise_grains_simulate_each_replications_drawn_parameters()
    {
        const int replications = 3;
        var byCluster = await RunToEnd(SiloFixture.Request(Scenario(), 0.004, replications, seed: 6, Granularity.Cluster));
        var byEnterprise = await RunToEnd(SiloFixture.Request(Scenario(), 0.004, replications, seed: 6, Granularity.Enterprise));
        Assert.Equal(byCluster.Select(o => Bits(o.Indicators)), byEnterprise.Select(o => Bits(o.Indicators)));

        // Each replication matches the single-thread reference run with that replication's own draws,
        // and the draws differ between replications, so the grains did not share one parameter set.
        var request = SiloFixture.Request(Scenario(), 0.004, replications, seed: 6, Granularity.Cluster);
        var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(request.ParametersJson);
        Assert.Equal(5, uncertainty.Parameters.Count);
        foreach (var o in byCluster)
        {
            var world = new WorldLayout(uncertainty.ForReplication(nominal, 6, o.Replication));
            Assert.Equal(Bits(ReplicationRunner.Run(world, 6, o.Replication)), Bits(o.Indicators));
        }
        Assert.Equal(replications, byCluster.Select(o => uncertainty.Draw(6, o.Replication, 2021)[0]).Distinct().Count());
        Assert.NotEqual(Bits(ReplicationRunner.Run(new WorldLayout(nominal), 6, 0)), Bits(byCluster[0].Indicators));
    }

    [Fact]
    public async Task A_posterior_travels_by_key_is_stored_once_and_every_replication_draws_its_particle()
    {
        const ulong seed = 4;
        var scenario = ZjSim.Model.Scenarios.ScenarioLoader.Load("baseline", ZjSim.TestSupport.ConfigFolder.Path,
            new ZjSim.Model.Scenarios.LoadOptions { Scale = 0.004, Parameters = ZjSim.Model.Scenarios.ParameterSource.Posterior });
        var goals = ZjSim.Model.Goals.GoalSet.Load(Path.Combine(ZjSim.TestSupport.ConfigFolder.Path, ZjSim.Model.Scenarios.ConfigDirectory.GoalsFile), scenario.Parameters.Years);
        var request = RunRequest.For($"test-{Guid.NewGuid():N}", scenario, goals, seed, 4, Granularity.Cluster, 2);
        string key = ParameterUncertainty.StoredSampleKey(request.ParametersJson)!;
        Assert.NotNull(key);
        Assert.False(request.ParametersJson.Contains("\"rows\"", StringComparison.Ordinal));

        var outcomes = await RunToEnd(request);
        Assert.True(await fixture.Silos.Client.GetGrain<IJointSampleGrain>(key).IsStored());
        // Each replication is the single-thread run of its own particle, read from the scenario itself.
        foreach (var o in outcomes)
        {
            var world = new WorldLayout(scenario.Uncertainty.ForReplication(scenario.Parameters, seed, o.Replication));
            Assert.Equal(Bits(ReplicationRunner.Run(world, seed, o.Replication)), Bits(o.Indicators));
            Assert.Equal(scenario.Uncertainty.Draw(seed, o.Replication, 2021), o.Drawn);
        }
        Assert.True(outcomes.Select(o => o.Drawn[0]).Distinct().Count() > 1);

        // Stored under a key its JSON does not hash to: refused.
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Silos.Client.GetGrain<IJointSampleGrain>(new string('0', 64)).Store("{}".AsImmutable()));
    }

    [Fact]
    public void The_world_cache_keeps_a_bounded_number_of_replication_worlds()
    {
        var cache = new BoundedCache<int, string>(capacity: 3);
        int made = 0;
        string Make(int k) { made++; return $"world {k}"; }
        for (int k = 0; k < 5; k++) Assert.Equal($"world {k}", cache.GetOrAdd(k, Make));
        Assert.Equal(3, cache.Count);
        Assert.Equal("world 4", cache.GetOrAdd(4, Make));   // kept: not made again
        Assert.Equal(5, made);
        Assert.Equal("world 0", cache.GetOrAdd(0, Make));   // dropped as least recently used: made again, the same
        Assert.Equal(6, made);
    }
}
