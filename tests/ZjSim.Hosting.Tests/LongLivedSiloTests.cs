using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using ZjSim.GrainInterfaces;
using ZjSim.TestSupport;

namespace ZjSim.Hosting.Tests;

/// <summary>
/// A long-lived silo does not grow with every run: a run's grains are released when it ends, and runs beyond the
/// retention limit are forgotten (state and outcomes gone from storage, their grains deactivated). The silo runs in
/// this process, so its live heap is the process's after a full, compacting collection.
/// </summary>
[Collection(LongLivedSiloCollection.Name)]
public sealed class LongLivedSiloTests(ITestOutputHelper output)
{
    private const int Runs = 30, Settled = 5, Keep = 2;

    [Fact]
    public async Task Thirty_runs_leave_the_live_heap_within_10_percent_of_its_level_after_the_first_5()
    {
        // Orleans' default idle collection age (15 minutes) is kept: nothing here relies on idle collection.
        await using var silo = await EmbeddedSilos.StartAsync(1, null, LogLevel.Error, CancellationToken.None, s => s with { KeepRuns = Keep });
        var follower = new RunFollower(silo.Grains) { PollInterval = TimeSpan.FromMilliseconds(50) };
        long settled = 0;
        var heaps = new List<long>();
        for (int i = 1; i <= Runs; i++)
        {
            var request = RunRequest.Load($"heap-{i}-{Guid.NewGuid():N}", ConfigFolder.Path, "baseline", 0.01, (ulong)i, 4, Granularity.Cluster, 2);
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var (final, outcomes) = await follower.RunToEndAsync(request, patience.Token);
            Assert.Equal(4, outcomes.Length);
            heaps.Add(LiveHeap());
            if (i == Settled) settled = heaps[^1];
        }
        output.WriteLine($"live heap after each run (MB): {string.Join(", ", heaps.Select(h => (h / 1e6).ToString("0.0")))}");

        var kept = await silo.Grains.GetGrain<IRunRegistryGrain>(0).Kept();
        Assert.Equal(Keep, kept.Length);
        Assert.True(heaps[^1] <= settled * 1.10,
            $"live heap grew from {settled / 1e6:0.0} MB after {Settled} runs to {heaps[^1] / 1e6:0.0} MB after {Runs}");
    }

    private static long LiveHeap()
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Alone: another test's allocations would blur the heap this one measures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LongLivedSiloCollection
{
    public const string Name = "long-lived silo";
}
