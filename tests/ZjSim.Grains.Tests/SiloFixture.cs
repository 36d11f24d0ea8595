using Orleans.TestingHost;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.TestSupport;

namespace ZjSim.Grains.Tests;

/// <summary>Two in-process silos shared by the grain tests, so every run here also crosses silos.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public InProcessTestCluster Silos { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) => silo.AddZjSim());
        Silos = builder.Build();
        await Silos.DeployAsync();
    }

    public async Task DisposeAsync() => await Silos.DisposeAsync();

    /// <summary>Starts a run and follows it, as zjsim does, until it finishes without error (at most 3 minutes).</summary>
    public async Task<(RunProgress Final, ReplicationOutcome[] Outcomes)> RunToEnd(RunRequest request)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await new RunFollower(Silos.Client) { PollInterval = TimeSpan.FromMilliseconds(50) }.RunToEndAsync(request, patience.Token);
    }

    public static RunRequest Request(string scenario, double scale, int replications, ulong seed, Granularity granularity, int concurrency = 2) =>
        RunRequest.Load($"test-{Guid.NewGuid():N}", ConfigFolder.Path, scenario, scale, seed, replications, granularity, concurrency);
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "orleans";
}
