using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Grains.Tests;

/// <summary>
/// Three in-process silos sharing one grain storage (as real silos share Redis); one is killed, without a
/// graceful stop, in the middle of a run. The run must still finish with every replication bit-identical
/// to the single-thread reference. Each test has a cluster of its own, since it loses a silo.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> _store = new();
    private InProcessTestCluster _silos = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddZjSim(s => s.Services.AddKeyedSingleton<IGrainStorage>(ServiceNames.Storage,
                (services, _) => new SharedGrainStorage(_store, services.GetRequiredService<Serializer>())));
            // Declare a killed silo dead within seconds rather than the production defaults' tens of seconds.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.NumMissedProbesLimit = 1;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            });
        });
        // As zjsim's cluster client: a request whose gateway died is answered by this time-out only.
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        _silos = builder.Build();
        await _silos.DeployAsync();
    }

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    [Theory]
    [InlineData(true)]    // the run grain's silo: the run carries on from storage on another
    [InlineData(false)]   // another silo: the replications whose grains it held run again
    public async Task A_silo_killed_mid_run_leaves_the_results_bit_identical(bool killTheRunGrainsSilo)
    {
        const int replications = 16;
        const ulong seed = 23;
        var request = SiloFixture.Request("baseline", 0.5, replications, seed, Granularity.Cluster, concurrency: 2);
        var client = _silos.Client;
        var run = client.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());

        var progress = await PollUntil(run, p => p.Completed >= 3 || p.Finished);
        Assert.False(progress.Finished, "the run ended before a silo could be killed; give it more work");
        var runSilo = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(run);
        var victim = _silos.Silos.First(s => s.SiloAddress.Equals(runSilo) == killTheRunGrainsSilo);
        await _silos.KillSiloAsync(victim);

        progress = await PollUntil(run, p => p.Finished);
        output.WriteLine($"killed {victim.SiloAddress} at 3+ of {replications}; retried: {string.Join(" | ", progress.Retries ?? [])}");
        Assert.Null(progress.Error);
        Assert.Equal(replications, progress.Completed);
        if (killTheRunGrainsSilo) Assert.Contains(progress.Retries ?? [], r => r.StartsWith("run:", StringComparison.Ordinal));

        var outcomes = (await Eventually(() => client.GetGrain<IAggregatorGrain>(request.RunId).Outcomes())).Value;
        var world = new WorldLayout(Scenario.ParametersFromJson(request.ParametersJson));
        var goals = System.Text.Json.JsonSerializer.Deserialize<ZjSim.Model.Goals.GoalSet>(request.GoalsJson, ConfigJson.Options)!;
        Assert.Equal(Enumerable.Range(0, replications), outcomes.Select(o => o.Replication));
        foreach (var o in outcomes)
        {
            var reference = ReplicationRunner.Run(world, seed, o.Replication);
            Assert.Equal(Bits(reference.Values), Bits(o.Indicators.Values));
            Assert.Equal(goals.Evaluate(reference, world.Scale), o.Goals);
        }
        Assert.Contains(outcomes.SelectMany(o => o.WorkBySilo!.Keys).Distinct(), s => s == victim.SiloAddress.Endpoint.ToString());
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>Polls the run until the condition holds, riding out the calls that fail while the cluster heals.</summary>
    private static async Task<RunProgress> PollUntil(IRunGrain run, Func<RunProgress, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var p = await Eventually(run.GetProgress);
            if (done(p)) return p;
            Assert.True(DateTime.UtcNow < deadline, $"run stuck at {p.Completed}/{p.Total} for 2 minutes");
            await Task.Delay(50);
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try { return await call(); }
            catch (Exception e) when (TransientFailure.Is(e) && DateTime.UtcNow < deadline) { await Task.Delay(250); }
        }
    }
}
