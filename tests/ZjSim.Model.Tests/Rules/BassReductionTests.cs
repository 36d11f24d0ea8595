using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Rules;

/// <summary>
/// With every boost at zero, the 0→1 transition is the discrete-time Bass model in each cluster:
/// N(t+1) − N(t) ~ Binomial(M − N(t), p + q·N(t)/M).
/// </summary>
public class BassReductionTests
{
    private const double P = 0.03, Q = 0.38;

    /// <summary>One large cluster of key SMEs, all at level 0, no boosts, no higher-level moves.</summary>
    private static WorldLayout BassWorld(int enterprises, double initialCovered)
    {
        var prm = TestConfig.Scenario("baseline", 1.0).Parameters;
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
            Adoption = prm.Adoption with
            {
                P = [new(P, P), new(0, 0), new(0, 0), new(0, 0)],
                Q = [Q, 0, 0, 0],
                SectorPMultiplier = new() { ["manufacturing"] = 1 },
                BrainBoost = 0,
                PlatformBoost = 0,
            },
            Policy = prm.Policy with { Push = new(0, 0), SubsidyShare = 0 },
        };
        return new WorldLayout(prm);
    }

    [Fact]
    public void Hazard_with_no_boosts_is_p_plus_q_times_share()
    {
        Assert.Equal(P + Q * 0.25, AdoptionRule.Hazard(P, Q, 0.25, 0), 15);
        var world = BassWorld(1000, 0.25);
        var tally = new ClusterTally();
        for (int i = 0; i < 750; i++) tally.Add(new EnterpriseState { Size = SizeClass.KeySme, Level = 0 });
        for (int i = 0; i < 250; i++) tally.Add(new EnterpriseState { Size = SizeClass.KeySme, Level = 1 });
        var ctx = AdoptionRule.Resolve(2022, world.Parameters, world.Clusters[0], tally, brainServed: true, hasPlatform: true);
        // Brain and platform boosts are zero here, so being served changes nothing.
        Assert.Equal(P + Q * 0.25, ctx.Hazard(SizeClass.KeySme, 0), 15);
        Assert.Equal(0, ctx.Hazard(SizeClass.KeySme, 1));
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
        var report = cluster.StepYear(2022, brainServed: false);
        int adopters = report.Tally.AtLeast(1) - n0;
        double mean = (m - n0) * h, sd = Math.Sqrt((m - n0) * h * (1 - h));
        Assert.InRange(adopters, mean - 4 * sd, mean + 4 * sd);
    }

    [Fact]
    public void Six_year_path_follows_the_discrete_Bass_recursion()
    {
        // Mean-field recursion F(t+1) = F(t) + (p + q F(t))(1 − F(t)). The variance of the simulated share is
        // propagated with the delta method: Var F(t+1) ≈ g'(F)² Var F(t) + h(1−h)(1−F)/M, with
        // g'(F) = 1 + q(1 − F) − (p + qF) and h = p + qF; F(0) is binomial too. Tolerance: 4 sd per year, plus
        // the O(1/M) nonlinearity bias, which is far below it at M = 200,000.
        const int m = 200_000;
        const double f0 = 0.05;
        var world = BassWorld(m, f0);
        var cluster = new ClusterPopulation(world, world.Clusters[0], seed: 5, replication: 3);
        double f = f0, variance = f0 * (1 - f0) / m;
        Assert.InRange(cluster.Core.Tally.AtLeast(1) / (double)m, f0 - 4 * Math.Sqrt(variance), f0 + 4 * Math.Sqrt(variance));
        for (int year = 2022; year <= 2027; year++)
        {
            double h = P + Q * f;
            double slope = 1 + Q * (1 - f) - h;
            variance = slope * slope * variance + h * (1 - h) * (1 - f) / m;
            f += h * (1 - f);
            var report = cluster.StepYear(year, brainServed: false);
            double simulated = report.Tally.AtLeast(1) / (double)m;
            double sd = Math.Sqrt(variance);
            Assert.InRange(simulated, f - 4 * sd, f + 4 * sd);
        }
        Assert.True(f > 0.5, "the recursion should have passed its inflection within six years");
    }
}
