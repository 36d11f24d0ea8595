using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>The batch kernels are a specialised equivalent of EnterpriseRules: same states, enterprise by enterprise, year by year.</summary>
public class ClusterPopulationTests
{
    /// <summary>A directive in which every agent acts: sector peers, brains, campaigns for every cell, both titles.</summary>
    private static ClusterDirective Directive(int year, ClusterSpec spec)
    {
        double k = ((year + spec.Index) % 4) / 4.0;
        return new ClusterDirective([0.6 * k, 0.3, 0.1, 0.02], 0.05 * k, 0.3, [0.1, 0.05, 0.02, 0.01, 0.2 * k, 0.1, 0.03, 0], 0.3, 0.5);
    }

    /// <summary>Steps every enterprise of the world with EnterpriseRules and the batch side by side, comparing every state every year.</summary>
    private static int CompareWithRules(WorldLayout world, ulong seed, int replication, bool vectorised)
    {
        var prm = world.Parameters;
        int titled = 0;
        foreach (var spec in world.Clusters)
        {
            var batch = new ClusterPopulation(world, spec, seed, replication, vectorised);
            var agents = new EnterpriseState[spec.EnterpriseCount];
            for (int i = 0; i < agents.Length; i++)
            {
                agents[i] = EnterpriseRules.Initialize(spec.FirstEnterpriseId + i, spec, world, seed, replication);
                Assert.Equal(agents[i], batch[i]);
            }
            RuleKernelEquivalenceTests.AssertSameTally(ClusterTally.Of(agents, prm), batch.Core.Tally);
            for (int year = prm.Years.BaseYear + 1; year <= prm.Years.EndYear; year++)
            {
                var directive = Directive(year, spec);
                // The context the batch resolves inside StepYear (its start-of-year tally is checked against the agents' below).
                bool platform = batch.Core.HasPlatform || ClusterRules.GainsPlatform(prm, spec, batch.Core.Tally, year, seed, replication);
                var ctx = AdoptionRule.Resolve(year, world, spec, batch.Core.Tally, platform, directive);
                var report = batch.StepYear(year, directive);
                for (int i = 0; i < agents.Length; i++)
                {
                    EnterpriseRules.Step(ref agents[i], spec.FirstEnterpriseId + i, ctx, prm.SmartFactory, prm.FutureFactory, seed, replication);
                    Assert.Equal(agents[i], batch[i]);
                }
                RuleKernelEquivalenceTests.AssertSameTally(ClusterTally.Of(agents, prm), report.Tally);
                Assert.Equal(platform, report.HasPlatform);
            }
            titled += agents.Count(a => a.Titles != Titles.None);
        }
        return titled;
    }

    [Theory]
    [InlineData("baseline", 0.02, 1UL, 0, true)]
    [InlineData("baseline", 0.02, 1UL, 0, false)]
    [InlineData("policy-push", 0.01, 99UL, 7, true)]
    [InlineData("brain-led", 0.01, 0xFFFF_FFFF_0000_0001UL, 123, true)]
    [InlineData("brain-led", 0.01, 0xFFFF_FFFF_0000_0001UL, 123, false)]
    public void Batch_equals_the_rules_enterprise_by_enterprise(string scenario, double scale, ulong seed, int replication, bool vectorised)
    {
        Assert.True(CompareWithRules(TestConfig.World(scenario, scale), seed, replication, vectorised) > 0, "some enterprise should hold a title");
    }

    /// <summary>
    /// Edge cases: high levels from the start, hazards near 1, titles easy to get, a future factory that does not need
    /// a smart one, investment minimums at zero and at the size line (many draws near the cut).
    /// </summary>
    [Theory]
    [InlineData(0.0, 0.0, false, 5UL, true)]
    [InlineData(0.0, 0.0, false, 5UL, false)]
    [InlineData(5.0, 5.0, true, 6UL, true)]
    [InlineData(5.0, 5.0, true, 6UL, false)]
    [InlineData(2.5, 15.0, false, 7UL, true)]
    public void Batch_equals_the_rules_at_the_edges(double smartMin, double futureMin, bool futureNeedsSmart, ulong seed, bool vectorised)
    {
        var prm = TestConfig.Scenario("baseline", 0.01).Parameters;
        prm = prm with
        {
            World = prm.World with
            {
                InitialLevelShares = [new(0.1, 0.2), new(0.1, 0.2), new(0.2, 0.2), new(0.3, 0.2), new(0.3, 0.2)],
            },
            Adoption = prm.Adoption with { P = [new(0.9, 0.5), new(0.7, 0.5), new(0.5, 0.5), new(0.6, 0.9)] },
            SmartFactory = prm.SmartFactory with { MinLevel = 2, MinInvestment = smartMin },
            FutureFactory = prm.FutureFactory with { MinLevel = 4, MinInvestment = futureMin, RequiresSmartFactory = futureNeedsSmart },
        };
        var world = new WorldLayout(prm);
        int titled = CompareWithRules(world, seed, 2, vectorised);
        Assert.True(titled > world.EnterpriseCount / 20, $"only {titled} titled enterprises: the edge cases are not exercised");
    }

    /// <summary>
    /// A base-year level draw equal to its threshold on the high words (share = u exactly, or one step of 2⁻⁵³ above
    /// it) must be decided by the exact comparison u &lt; share: level 1 when the share equals u, level 0 just above.
    /// </summary>
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(1, false)]
    public void A_base_year_level_draw_tying_its_threshold_is_decided_exactly(int offset, bool vectorised)
    {
        const ulong seed = 3;
        const int local = 5;
        var prm = TestConfig.Scenario("baseline", 0.01).Parameters;
        var spec = new WorldLayout(prm).Clusters[0];
        Assert.True(spec.AboveSizeCount >= 32, "the enterprise's group of 32 should be all above-size, so the vector path takes it");
        var (u, _) = new RandomStream(seed, 0, spec.FirstEnterpriseId + local, prm.Years.BaseYear, Purpose.EnterpriseInit).UniformPair(0);
        double share = u + offset * Math.Pow(2, -53);
        Assert.Equal((ulong)(u * DrawThreshold.Always) >> 22, DrawThreshold.Below(share) >> 22);   // the tie the test is about
        var world = new WorldLayout(prm with
        {
            World = prm.World with
            {
                InitialLevelShares = [new(share, 0.5), new(1 - share, 0.5), new(0, 0), new(0, 0), new(0, 0)],
            },
        });
        var batch = new ClusterPopulation(world, world.Clusters[0], seed, 0, vectorised);
        for (int i = 0; i < world.Clusters[0].EnterpriseCount; i++)
            Assert.Equal(EnterpriseRules.Initialize(world.Clusters[0].FirstEnterpriseId + i, world.Clusters[0], world, seed, 0), batch[i]);
        Assert.Equal(offset == 1 ? 0 : 1, batch[local].Level);
    }

    [Theory]
    [InlineData(160.0)]   // the smart-factory line of the baseline (40 million of investment at a ratio of 0.25)
    [InlineData(20.0)]    // the size line itself: the lower end of the above-size distribution
    [InlineData(1000.0)]
    public void Revenue_cut_agrees_with_the_exact_formula_near_and_far_from_the_cut(double line)
    {
        var cut = new RevenueCut(TestConfig.World().AboveSizeRevenue, line);
        var rng = new System.Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            ulong k = (ulong)rng.NextInt64(0, (long)DrawThreshold.Always);
            Assert.Equal(cut.Exact(k), cut.Reaches(k));
        }
        // Find the exact switch by bisection and check every draw around it.
        ulong lo = 0, hi = DrawThreshold.Always;
        while (lo < hi) { ulong mid = lo + (hi - lo) / 2; if (cut.Exact(mid)) hi = mid; else lo = mid + 1; }
        for (ulong k = lo > 2_000 ? lo - 2_000 : 0; k <= lo + 2_000; k++) Assert.Equal(cut.Exact(k), cut.Reaches(k));
        if (lo > 0) Assert.False(cut.Reaches(lo - 1));
        Assert.True(cut.Reaches(lo));
        Assert.InRange(cut.ExactShare, 0, 1e-4);
    }

    [Fact]
    public void Batch_keeps_two_bytes_per_enterprise() => Assert.Equal(2, ClusterPopulation.BytesPerEnterprise);
}
