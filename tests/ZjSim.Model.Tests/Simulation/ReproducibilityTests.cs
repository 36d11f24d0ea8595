using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>Same scenario and seed, same table bit for bit; quantities at province scale do not depend on --scale.</summary>
public class ReproducibilityTests
{
    private static long[] Bits(IndicatorTable t) => t.Values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Theory]
    [InlineData("baseline")]
    [InlineData("policy-push")]
    [InlineData("brain-led")]
    [InlineData("fiscal-squeeze")]
    public void Same_seed_gives_a_bit_identical_table_and_keeping_the_breakdown_changes_nothing(string scenario)
    {
        var world = TestConfig.World(scenario, 0.01);
        var a = ReplicationRunner.Run(world, 42, 1);
        var byCluster = new ClusterYears(2021, 2027, world.Clusters.Count);
        var b = ReplicationRunner.Run(new WorldLayout(TestConfig.Scenario(scenario, 0.01).Parameters), 42, 1, byCluster);
        Assert.Equal(Bits(a), Bits(b));
        // The breakdown adds up to the table.
        for (int y = 2021; y <= 2027; y++)
        {
            int smart = Enumerable.Range(0, world.Clusters.Count).Sum(c => byCluster.Counts[((y - 2021) * world.Clusters.Count + c) * ClusterYears.CountFields + ClusterYears.SmartFactories]);
            Assert.Equal(a[y, Indicator.SmartFactories], smart);
        }
        Assert.NotEqual(Bits(a), Bits(ReplicationRunner.Run(world, 43, 1)));
    }

    [Fact]
    public void Same_seed_with_uncertain_parameters_gives_a_bit_identical_table()
    {
        var s = ScenarioLoader.Load("baseline", TestConfig.Dir, new LoadOptions { Scale = 0.01, Layers = [Path.Combine(TestConfig.Dir, "zhejiang", "priors.json")] });
        IndicatorTable Run() => ReplicationRunner.Run(new WorldLayout(s.Uncertainty.ForReplication(s.Parameters, 8, 2)), 8, 2);
        Assert.Equal(Bits(Run()), Bits(Run()));
    }

    /// <summary>The base year's province flows and brains are the data's, whatever share of the province is simulated.</summary>
    [Fact]
    public void Base_year_province_quantities_do_not_depend_on_the_scale()
    {
        var small = ReplicationRunner.Run(TestConfig.World("baseline", 0.01), 1, 0);
        var large = ReplicationRunner.Run(TestConfig.World("baseline", 0.04), 1, 0);
        foreach (var i in new[] { Indicator.DigitalEconomyValue, Indicator.CoreIndustryValue, Indicator.Gdp, Indicator.IndustryBrains, Indicator.DigitalEconomyShareOfGdp })
            Assert.Equal(large[2021, i], small[2021, i], 9);
    }

    /// <summary>
    /// Coverage is a share: at two scales it differs only by sampling. Base year: a binomial share of n enterprises,
    /// so the difference has sd √(p(1−p)(1/n₁ + 1/n₂)); 4 sd.
    /// </summary>
    [Fact]
    public void Base_year_coverage_agrees_across_scales_within_sampling_error()
    {
        var prm = TestConfig.Scenario().Parameters;
        foreach (var (indicator, enterprises, share) in new[]
        {
            (Indicator.CoverageAboveSize, prm.World.AboveSizeEnterprises, 1 - prm.World.InitialLevelShares[0].AboveSize),
            (Indicator.CoverageKeySme, prm.World.KeySmeEnterprises, 1 - prm.World.InitialLevelShares[0].KeySme),
        })
        {
            double n1 = enterprises * 0.01, n2 = enterprises * 0.04;
            double a = ReplicationRunner.Run(TestConfig.World("baseline", 0.01), 2, 0)[2021, indicator];
            double b = ReplicationRunner.Run(TestConfig.World("baseline", 0.04), 2, 0)[2021, indicator];
            double sd = Math.Sqrt(share * (1 - share) * (1 / n1 + 1 / n2));
            Assert.InRange(a - b, -4 * sd, 4 * sd);
            Assert.InRange(a, share - 4 * Math.Sqrt(share * (1 - share) / n1), share + 4 * Math.Sqrt(share * (1 - share) / n1));
        }
    }

    /// <summary>
    /// The government's 2022 subsidies are bound by its budget (1.5 billion at 0.15 million an enterprise for key SMEs;
    /// the above-size campaign pays none), whatever share of the province is simulated: spending is at province scale.
    /// </summary>
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    public void First_year_campaign_spending_is_the_budget_at_any_scale(double scale)
    {
        var world = TestConfig.World("baseline", scale);
        var g = world.Parameters.Government;
        double acceptance = Model.Rules.CampaignRule.Acceptance(g, g.Campaigns[0].SubsidyShare);
        double offers = g.Campaigns[0].Budget * 1000 / Model.Rules.CampaignRule.SubsidyPerEnterprise(g.Campaigns[0]);
        var table = ReplicationRunner.Run(world, 6, 0);
        Assert.Equal(offers * acceptance * Model.Rules.CampaignRule.SubsidyPerEnterprise(g.Campaigns[0]) / 1000, table[2022, Indicator.CampaignSpending], 9);
        Assert.Equal(0, table[2021, Indicator.CampaignSpending]);
    }
}
