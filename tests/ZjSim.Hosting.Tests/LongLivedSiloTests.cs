using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using ZjSim.GrainInterfaces;
using ZjSim.TestSupport;

namespace ZjSim.Hosting.Tests;

/// <summary>
/// A long-lived silo keeps no grain of a run that ended: lanes, cluster, enterprise and brain grains are released
/// when the run ends, and runs beyond the retention limit are forgotten (state and outcomes gone from storage, their
/// run and aggregator grains deactivated). The silo runs in this process; its live heap after a full, compacting
/// collection is printed per run. Issue 10 asks for it to stay within 10% of its level after 5 runs: it does not yet
/// (about +0.1 MB a run outside ZjSim's grains, see the branch report), so that is measured here, not asserted.
/// </summary>
[Collection(LongLivedSiloCollection.Name)]
public sealed class LongLivedSiloTests(ITestOutputHelper output)
{
    private const int Runs = 30, Settled = 5, Keep = 2;

    [Fact]
    public async Task Thirty_runs_leave_only_the_kept_runs_grains_active()
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
        output.WriteLine($"live heap: {settled / 1e6:0.0} MB after {Settled} runs, {heaps[^1] / 1e6:0.0} MB after {Runs} ({(heaps[^1] - settled) * 100.0 / settled:+0.0;-0.0}%)");
        var stats = await silo.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        output.WriteLine("activations: " + string.Join(", ", stats.Select(s => $"{s.GrainType} {s.ActivationCount}")));

        var kept = await silo.Grains.GetGrain<IRunRegistryGrain>(0).Kept();
        Assert.Equal(Keep, kept.Length);
        int Active(string grain) => stats.Where(s => s.GrainType.StartsWith($"ZjSim.Grains.{grain},", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        // The kept runs' run and aggregator grains (collected when idle); nothing of the forgotten ones.
        Assert.InRange(Active("RunGrain"), 0, Keep);
        Assert.InRange(Active("AggregatorGrain"), 0, Keep);
        foreach (var released in new[] { "LaneGrain", "ClusterGrain", "EnterpriseGrain", "IndustryBrainGrain" })
            Assert.True(Active(released) == 0, $"{Active(released)} {released} activations left after {Runs} runs");
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
