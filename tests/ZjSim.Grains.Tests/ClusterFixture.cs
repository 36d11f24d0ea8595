using Orleans.Concurrency;
using System.Text.Json;
using Orleans.TestingHost;
using ZjSim.GrainInterfaces;
using ZjSim.Grains;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;

namespace ZjSim.Grains.Tests;

/// <summary>Two in-process silos shared by the grain tests, so every run here also crosses silos.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) => silo.AddZjSim());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static string ConfigDir { get; } = FindConfig();

    /// <summary>Starts a run, waits (at most 3 minutes) until it finishes without error, and returns its final progress and outcomes.</summary>
    public async Task<(RunProgress Final, ReplicationOutcome[] Outcomes)> RunToEnd(RunRequest request)
    {
        var run = Cluster.Client.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());
        var deadline = DateTime.UtcNow.AddMinutes(3);
        RunProgress p;
        while (!(p = await run.GetProgress()).Finished)
        {
            Assert.True(DateTime.UtcNow < deadline, "run did not finish in 3 minutes");
            await Task.Delay(50);
        }
        Assert.Null(p.Error);
        return (p, (await Cluster.Client.GetGrain<IAggregatorGrain>(request.RunId).Outcomes()).Value);
    }

    public static RunRequest Request(string scenario, double scale, int replications, ulong seed, Granularity granularity, int concurrency = 2)
    {
        var s = ScenarioLoader.Load(scenario, ConfigDir, scale);
        var goals = GoalSet.Load(Path.Combine(ConfigDir, "goals.json"), s.Parameters.Years);
        return new RunRequest($"test-{Guid.NewGuid():N}", s.Name, s.CanonicalJson, s.Hash,
            JsonSerializer.Serialize(goals, ConfigJson.Options), seed, replications, granularity, concurrency);
    }

    private static string FindConfig()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "config", "model.json"))) return Path.Combine(d.FullName, "config");
        throw new InvalidOperationException("config/ not found");
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "orleans";
}
