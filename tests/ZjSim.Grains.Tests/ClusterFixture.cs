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
