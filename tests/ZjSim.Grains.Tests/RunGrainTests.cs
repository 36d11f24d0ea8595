using Orleans.Concurrency;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.Model;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Grains.Tests;

[Collection(SiloCollection.Name)]
public sealed class RunGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Silos.Client;

    private async Task<ReplicationOutcome[]> RunToEnd(RunRequest request)
    {
        var (p, outcomes) = await fixture.RunToEnd(request);
        Assert.Equal(request.Replications, p.Completed);
        Assert.Equal(outcomes.Sum(o => o.EnterpriseYears), p.EnterpriseYears);
        return outcomes;
    }

    /// <summary>One replication's year with no agent acting: enough to test the order of steps.</summary>
    private static readonly Immutable<ClusterDirective[]> NoDirective = new[] { ClusterDirective.None }.AsImmutable();

    private static long[] Bits(IndicatorTable t) => t.Values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    // One lane runs several batches in a row on the same cluster grains, which must start each afresh; a batch's
    // replications share their calls, and neither the batch size nor its last, shorter batch may change a result.
    [Theory]
    [InlineData(Granularity.Cluster, 0.02, 5, 2, 0)]
    [InlineData(Granularity.Cluster, 0.01, 7, 1, 3)]
    [InlineData(Granularity.Cluster, 0.005, 40, 1, ReplicationBatch.MaxSize)]
    [InlineData(Granularity.Enterprise, 0.004, 3, 1, 0)]
    [InlineData(Granularity.Enterprise, 0.004, 3, 1, 2)]
    public async Task Grains_reproduce_the_single_thread_reference_bit_for_bit(Granularity granularity, double scale, int replications, int lanes, int perCall)
    {
        var request = SiloFixture.Request("baseline", scale, replications, seed: 17, granularity, lanes) with { ReplicationsPerCall = perCall };
        var outcomes = await RunToEnd(request);
        var world = new WorldLayout(Scenario.ParametersFromJson(request.ParametersJson));
        Assert.Equal(Enumerable.Range(0, replications), outcomes.Select(o => o.Replication));
        foreach (var o in outcomes)
            Assert.Equal(Bits(ReplicationRunner.Run(world, 17, o.Replication)), Bits(o.Indicators));
    }

    // --by: the per-cluster table the lane keeps is the reference's, at either granularity and batch size, and only when asked.
    [Theory]
    [InlineData(Granularity.Cluster, 0.01, 3)]
    [InlineData(Granularity.Cluster, 0.01, 1)]
    [InlineData(Granularity.Enterprise, 0.004, 0)]
    public async Task Grains_keep_the_reference_cluster_years_only_when_asked(Granularity granularity, double scale, int perCall)
    {
        var asked = SiloFixture.Request("policy-push", scale, 3, seed: 23, granularity) with { ReplicationsPerCall = perCall, KeepByCluster = true };
        var outcomes = await RunToEnd(asked);
        var world = new WorldLayout(Scenario.ParametersFromJson(asked.ParametersJson));
        var years = world.Parameters.Years;
        foreach (var o in outcomes)
        {
            var reference = new ClusterYears(years.BaseYear, years.EndYear, world.Clusters.Count);
            Assert.Equal(Bits(ReplicationRunner.Run(world, 23, o.Replication, reference)), Bits(o.Indicators));
            var kept = Assert.IsType<ClusterYears>(o.ByCluster);
            Assert.Equal((reference.FirstYear, reference.LastYear, reference.Clusters), (kept.FirstYear, kept.LastYear, kept.Clusters));
            Assert.Equal(reference.Counts, kept.Counts);
            Assert.Equal(reference.Output.Select(BitConverter.DoubleToInt64Bits), kept.Output.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(reference.HasPlatform, kept.HasPlatform);
            Assert.Contains(kept.Counts, n => n > 0);
        }

        var plain = await RunToEnd(SiloFixture.Request("policy-push", scale, 3, seed: 23, granularity) with { ReplicationsPerCall = perCall });
        Assert.All(plain, o => Assert.Null(o.ByCluster));
        Assert.Equal(outcomes.Select(o => Bits(o.Indicators)), plain.Select(o => Bits(o.Indicators)));
    }

    [Fact]
    public async Task Concurrency_does_not_change_results()
    {
        var serial = await RunToEnd(SiloFixture.Request("policy-push", 0.01, 4, seed: 3, Granularity.Cluster, concurrency: 1));
        var parallel = await RunToEnd(SiloFixture.Request("policy-push", 0.01, 4, seed: 3, Granularity.Cluster, concurrency: 4));
        Assert.Equal(serial.Select(o => Bits(o.Indicators)), parallel.Select(o => Bits(o.Indicators)));
        Assert.Equal(serial.SelectMany(o => o.Goals), parallel.SelectMany(o => o.Goals));
    }

    /// <summary>
    /// While a silo's death is sorted out, Orleans can hold two activations of one replication grain, and a
    /// run grain that carried on elsewhere can start a replication whose old driver still runs. Two drivers
    /// of the same replication must not share cluster grains: each must get the reference outcome.
    /// </summary>
    [Theory]
    [InlineData(Granularity.Cluster, 0.2)]
    [InlineData(Granularity.Enterprise, 0.004)]
    public async Task Two_drivers_of_one_replication_at_once_both_reproduce_the_reference(Granularity granularity, double scale)
    {
        var request = SiloFixture.Request("baseline", scale, 1, seed: 41, granularity);
        var world = new WorldLayout(Scenario.ParametersFromJson(request.ParametersJson));
        var reference = Bits(ReplicationRunner.Run(world, 41, 0));
        var aggregator = Grains.GetGrain<IAggregatorGrain>(request.RunId);
        for (int round = 0; round < 3; round++)
        {
            // Distinct grain keys stand for the two activations Orleans would have held under one key.
            var drivers = new[] { "a", "b" }.Select(d => Grains.GetGrain<ILaneGrain>($"{request.RunId}/{round}{d}/0"));
            var years = await Task.WhenAll(drivers.Select(g => g.Run(request.AsImmutable(), [0])));
            Assert.Equal(years[0], years[1]);
            var recorded = Assert.Single((await aggregator.Outcomes()).Value);
            Assert.Equal(reference, Bits(recorded.Indicators));
        }
    }

    [Fact]
    public async Task A_cluster_grain_refuses_a_step_out_of_year_order()
    {
        var request = SiloFixture.Request("baseline", 0.01, 1, seed: 6, Granularity.Cluster);
        var cluster = Grains.GetGrain<IClusterGrain>($"{request.RunId}/order");
        var fresh = await Assert.ThrowsAsync<ReplicationStateLostException>(() => cluster.Step(2022, NoDirective));
        Assert.Contains("has no state", fresh.Message);
        await cluster.Initialize(request.AsImmutable(), [0], "order", 0);
        var skipped = await Assert.ThrowsAsync<ReplicationStateLostException>(() => cluster.Step(2023, NoDirective));
        Assert.Contains("is at 2021 and was asked to step 2023", skipped.Message);
        Assert.Equal(2022, (await cluster.Step(2022, NoDirective)).Value[0].Year);
        await Assert.ThrowsAsync<ReplicationStateLostException>(() => cluster.Step(2022, NoDirective));
    }

    [Fact]
    public async Task Aggregator_keeps_one_outcome_per_replication()
    {
        var request = SiloFixture.Request("baseline", 0.01, 5, seed: 8, Granularity.Cluster);
        var outcomes = await RunToEnd(request);
        var aggregator = Grains.GetGrain<IAggregatorGrain>(request.RunId);
        Assert.Equal(Enumerable.Range(0, 5), outcomes.Select(o => o.Replication));

        // Recording a replication again (a retry) replaces it rather than counting it twice.
        await aggregator.Record(new[] { outcomes[0] }.AsImmutable());
        var after = (await aggregator.Outcomes()).Value;
        Assert.Equal(Enumerable.Range(0, 5), after.Select(o => o.Replication));
        Assert.Equal(Bits(outcomes[0].Indicators), Bits(after[0].Indicators));
    }

    [Fact]
    public async Task Outcomes_fetched_in_pages_are_the_whole_run_in_order_and_the_summary_counts_them()
    {
        var request = SiloFixture.Request("baseline", 0.01, 7, seed: 12, Granularity.Cluster);
        var outcomes = await RunToEnd(request);
        var aggregator = Grains.GetGrain<IAggregatorGrain>(request.RunId);
        Assert.Equal([3, 4], (await aggregator.OutcomesFrom(3, 2)).Value.Select(o => o.Replication));
        Assert.Empty((await aggregator.OutcomesFrom(7, 5)).Value);
        var recorded = await aggregator.Recorded();
        Assert.Equal(Enumerable.Range(0, 7), recorded.Replications);
        Assert.Equal(outcomes.Sum(o => o.EnterpriseYears), recorded.EnterpriseYears);
        // Pages of 3 for 7 replications: 3, 3, 1; of 7: a full page, then an empty one.
        foreach (int page in new[] { 3, 7 })
        {
            var paged = await new RunFollower(fixture.Silos.Client) { FetchPageSize = page }.FetchAsync(request);
            Assert.Equal(Enumerable.Range(0, 7), paged.Select(o => o.Replication));
            Assert.Equal(outcomes.Select(o => Bits(o.Indicators)), paged.Select(o => Bits(o.Indicators)));
        }
    }

    [Fact]
    public async Task Starting_a_run_twice_runs_it_once()
    {
        var request = SiloFixture.Request("baseline", 0.005, 2, seed: 4, Granularity.Cluster);
        var run = Grains.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());
        await run.Start(request.AsImmutable());
        var outcomes = await RunToEnd(request);
        Assert.Equal(2, outcomes.Length);
    }

    [Fact]
    public async Task Aggregator_outcomes_outlive_its_activation()
    {
        var one = (await RunToEnd(SiloFixture.Request("baseline", 0.005, 1, seed: 5, Granularity.Cluster)))[0];
        var aggregator = Grains.GetGrain<IAggregatorGrain>($"paging-{Guid.NewGuid():N}");
        const int count = 130;   // 17 pages of storage, the last one partly filled
        // Batches of 1 and of 11 (a batch spans pages), from the last replication down.
        for (int i = count - 1; i >= 120; i--) await aggregator.Record(new[] { one with { Replication = i } }.AsImmutable());
        for (int i = 119; i >= 0; i -= 11)
            await aggregator.Record(Enumerable.Range(Math.Max(0, i - 10), Math.Min(11, i + 1)).Select(k => one with { Replication = k }).ToArray().AsImmutable());
        await fixture.Silos.DeactivateAsync(aggregator);
        var back = (await aggregator.Outcomes()).Value;
        Assert.Equal(Enumerable.Range(0, count), back.Select(o => o.Replication));
        Assert.All(back, o => Assert.Equal(Bits(one.Indicators), Bits(o.Indicators)));
    }

    [Fact]
    public async Task A_run_grain_deactivated_mid_run_carries_on_from_storage()
    {
        var request = SiloFixture.Request("baseline", 0.2, 16, seed: 31, Granularity.Cluster);
        var run = Grains.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());
        while ((await run.GetProgress()).Completed < 2) await Task.Delay(20);
        await fixture.Silos.DeactivateAsync(run);

        var outcomes = await RunToEnd(request);
        var progress = await run.GetProgress();
        Assert.Contains(progress.Retries ?? [], r => r.StartsWith("run:", StringComparison.Ordinal));
        var world = new WorldLayout(Scenario.ParametersFromJson(request.ParametersJson));
        Assert.Equal(Enumerable.Range(0, 16), outcomes.Select(o => o.Replication));
        foreach (var o in outcomes)
            Assert.Equal(Bits(ReplicationRunner.Run(world, 31, o.Replication)), Bits(o.Indicators));
        Assert.Equal(outcomes.Sum(o => o.EnterpriseYears), progress.EnterpriseYears);
    }

    [Fact]
    public async Task A_run_id_cannot_be_reused_for_another_request()
    {
        var request = SiloFixture.Request("baseline", 0.005, 1, seed: 4, Granularity.Cluster);
        await RunToEnd(request);
        var other = request with { Seed = 5 };
        await Assert.ThrowsAsync<ArgumentException>(() => Grains.GetGrain<IRunGrain>(request.RunId).Start(other.AsImmutable()));
        Assert.Equal(request, await Grains.GetGrain<IRunGrain>(request.RunId).GetRequest());
    }
}
