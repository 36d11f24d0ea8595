using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Rules;

/// <summary>
/// With every extension off (revenue elasticity 0, unit sector and city multipliers, no sector peers, no platform or
/// brain boost, no campaign) each level's hazard is exactly Bass, and the 0→1 transition in a cluster is the
/// discrete-time Bass model: N(t+1) − N(t) ~ Binomial(M − N(t), p + q·N(t)/M).
/// </summary>
public class BassReductionTests
{
    private const double P = 0.03, Q = 0.38;

    /// <summary>The baseline with every extension switched off and the given rates.</summary>
    private static ModelParameters ExtensionsOff(ModelParameters prm, SizeValues[] p, double[] q) => prm with
    {
        Adoption = prm.Adoption with
        {
            P = p,
            Q = q,
            RevenueElasticity = 0,
            SectorPMultiplier = prm.Adoption.SectorPMultiplier.ToDictionary(kv => kv.Key, _ => 1.0),
            CityTierMultiplier = prm.Adoption.CityTierMultiplier.Select(_ => 1.0).ToArray(),
            SectorPeerWeight = 0,
            PlatformBoost = 0,
        },
        Brains = prm.Brains with { Boost = 0 },
        Government = prm.Government with { Campaigns = [] },
    };

    /// <summary>One large cluster of key SMEs at levels 0 and 1, moving only from 0 to 1.</summary>
    private static WorldLayout BassWorld(int enterprises, double initialCovered)
    {
        var prm = TestConfig.Scenario("baseline", 1.0).Parameters;
        prm = ExtensionsOff(prm, [new(P, P), new(0, 0), new(0, 0), new(0, 0)], [Q, 0, 0, 0]);
        prm = prm with
        {
            World = prm.World with
            {
                AboveSizeEnterprises = 0,
                KeySmeEnterprises = enterprises,
                Scale = 1,
                InitialLevelShares =
                [
                    new(1 - initialCovered, 1 - initialCovered), new(initialCovered, initialCovered),
                    new(0, 0), new(0, 0), new(0, 0),
                ],
                Clusters = [new ClusterParameters("bass", "manufacturing", Tier.County, 1, false, 1)],
            },
        };
        return new WorldLayout(prm);
    }

    private static ClusterTally RandomTally(System.Random rng)
    {
        var counts = new int[10];
        for (int i = 0; i < counts.Length; i++) counts[i] = rng.Next(4) == 0 ? 0 : rng.Next(1, 5_000);
        return new ClusterTally(counts, new int[ClusterTally.Bands * 5], 0, 0, 0, 0, 0);
    }

    /// <summary>
    /// Random rates (some large enough that p + q·F passes 1, so the clamp acts), random start-of-year counts, and a
    /// directive as busy as it can be with the extensions off (sector shares and brain connections that must not
    /// matter): every entry of the hazard table is clamp(p[L][s] + q[L]·F(≥L+1)) exactly, whatever the band, tier or
    /// connection.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_hazard_is_exactly_Bass_with_the_extensions_off(int seed)
    {
        var rng = new System.Random(seed);
        for (int trial = 0; trial < 20; trial++)
        {
            var p = Enumerable.Range(0, 4).Select(_ => new SizeValues(rng.NextDouble() * 0.6, rng.NextDouble() * 0.6)).ToArray();
            var q = Enumerable.Range(0, 4).Select(_ => rng.NextDouble()).ToArray();
            var prm = ExtensionsOff(TestConfig.Scenario().Parameters, p, q);
            var world = new WorldLayout(prm);
            var tally = RandomTally(rng);
            var spec = world.Clusters[rng.Next(world.Clusters.Count)];
            // What the province's agents hand the cluster when the extensions are off: brains with no boost, no campaign.
            double brainEffect = BrainRule.Effect(prm.Brains, world.Scale, rng.Next(100_000));
            Assert.Equal(0, brainEffect);
            var directive = new ClusterDirective([rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble()],
                brainEffect, rng.NextDouble(), new GovernmentAgent(world).Campaign(2022, [new ClusterReport(0, 2021, tally, 1, false, 0)]), 0.5, 0.5);
            Assert.All(directive.Campaign, g => Assert.Equal(0, g));
            var ctx = AdoptionRule.Resolve(2022, world, spec, tally, hasPlatform: rng.Next(2) == 0, directive);

            int bands = world.BandCentres.Length, tiers = prm.Adoption.CityTierMultiplier.Length, checkedEntries = 0;
            for (int i = 0; i < StepContext.HazardEntries; i++)
            {
                int level = i & 7, band = (i >> 3) & 7, tier = (i >> 6) & 3;
                if (level >= MaturityLevel.Future || band >= bands || tier >= tiers)
                {
                    Assert.Equal(0, ctx.Hazards[i]);   // no such enterprise moves
                    continue;
                }
                var size = band >= world.FirstAboveSizeBand ? SizeClass.AboveSize : SizeClass.KeySme;
                double share = (double)tally.AtLeast(level + 1) / tally.Total;
                Assert.Equal(Math.Clamp(p[level][size] + q[level] * share, 0, 1), ctx.Hazards[i]);
                checkedEntries++;
            }
            Assert.Equal(4 * bands * tiers * 2, checkedEntries);
        }
    }

    [Fact]
    public void One_step_adopters_are_binomial_with_the_Bass_hazard()
    {
        // M = 200,000, F0 ≈ 0.10. New adopters | N0 ~ Binomial(M − N0, p + q N0/M): mean ≈ 180,000·0.068 = 12,240,
        // sd ≈ 107. Tolerance: 4 sd of that binomial.
        const int m = 200_000;
        var world = BassWorld(m, 0.10);
        var cluster = new ClusterPopulation(world, world.Clusters[0], seed: 11, replication: 0);
        int n0 = cluster.Core.Tally.AtLeast(1);
        double h = P + Q * n0 / (double)m;
        var report = cluster.StepYear(2022, ClusterDirective.None);
        int adopters = report.Tally.AtLeast(1) - n0;
        double mean = (m - n0) * h, sd = Math.Sqrt((m - n0) * h * (1 - h));
        Assert.InRange(adopters, mean - 4 * sd, mean + 4 * sd);
    }

    /// <summary>
    /// The whole schedule (province agents planning, directives, the cluster stepping) with the extensions off: the
    /// key-SME coverage follows the mean-field recursion F(t+1) = F(t) + (p + q F(t))(1 − F(t)). The variance of the
    /// simulated share is propagated with the delta method: Var F(t+1) ≈ g'(F)² Var F(t) + h(1−h)(1−F)/M, with
    /// g'(F) = 1 + q(1 − F) − (p + qF) and h = p + qF; F(0) is binomial too. Tolerance: 4 sd per year, plus the O(1/M)
    /// nonlinearity bias, which is far below it at M = 200,000.
    /// </summary>
    [Theory]
    [InlineData(5UL, 3)]
    [InlineData(17UL, 0)]
    public void Coverage_path_follows_the_discrete_Bass_recursion(ulong seed, int replication)
    {
        const int m = 200_000;
        const double f0 = 0.05;
        var world = BassWorld(m, f0);
        var table = ReplicationRunner.Run(world, seed, replication);
        double f = f0, variance = f0 * (1 - f0) / m;
        Assert.InRange(table[2021, Indicator.CoverageKeySme], f0 - 4 * Math.Sqrt(variance), f0 + 4 * Math.Sqrt(variance));
        for (int year = 2022; year <= 2027; year++)
        {
            double h = P + Q * f;
            double slope = 1 + Q * (1 - f) - h;
            variance = slope * slope * variance + h * (1 - h) * (1 - f) / m;
            f += h * (1 - f);
            double sd = Math.Sqrt(variance);
            Assert.InRange(table[year, Indicator.CoverageKeySme], f - 4 * sd, f + 4 * sd);
        }
        Assert.True(f > 0.5, "the recursion should have passed its inflection within six years");
    }
}
