using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Rules;

public class BrainRuleTests
{
    private static BrainParameters Brains(double demandProbability = 1, double deliveryProbability = 0.8) =>
        new(30, [], deliveryProbability, 8000, demandProbability, 600, 0.06, 6000);

    [Fact]
    public void A_planned_brain_goes_where_demand_per_brain_is_highest_ties_to_the_lower_sector()
    {
        Assert.Equal(2, BrainRule.SectorFor([100, 300, 300], [0, 1, 0]));   // 100, 150, 300
        Assert.Equal(0, BrainRule.SectorFor([300, 300, 100], [0, 0, 0]));
        Assert.Equal(1, BrainRule.SectorFor([300, 300, 100], [1, 0, 0]));
        Assert.Equal(0, BrainRule.SectorFor([0, 0], [0, 0]));
    }

    [Fact]
    public void Demand_launches_a_brain_only_when_the_sector_supports_more_than_it_has()
    {
        // Scale 0.01: 160 enterprises at level ≥ 2 stand for 16,000, which support two brains of 8,000.
        var b = Brains();
        Assert.True(BrainRule.DemandLaunches(b, 0.01, 160, 1, 0, 2022, 1, 0));
        Assert.False(BrainRule.DemandLaunches(b, 0.01, 160, 2, 0, 2022, 1, 0));
        Assert.False(BrainRule.DemandLaunches(b, 0.01, 159, 1, 0, 2022, 1, 0));   // 15,900 support one
        Assert.False(BrainRule.DemandLaunches(Brains(demandProbability: 0), 0.01, 1_000_000, 0, 0, 2022, 1, 0));
    }

    [Fact]
    public void Unmet_demand_launches_with_the_demand_probability()
    {
        // Binomial(n, 0.3) over sectors, years and replications; 4 sd.
        var b = Brains(demandProbability: 0.3);
        int n = 0, launched = 0;
        for (int replication = 0; replication < 200; replication++)
            for (int year = 2022; year <= 2027; year++)
                for (int sector = 0; sector < 5; sector++, n++)
                    if (BrainRule.DemandLaunches(b, 1, 100_000, 0, sector, year, 7, replication)) launched++;
        double sd = Math.Sqrt(n * 0.3 * 0.7);
        Assert.InRange(launched, n * 0.3 - 4 * sd, n * 0.3 + 4 * sd);
    }

    [Fact]
    public void Planned_brains_are_delivered_with_the_delivery_probability()
    {
        var prm = TestConfig.Scenario().Parameters;
        Assert.Equal(7, BrainRule.Delivered(prm with { Brains = Brains(deliveryProbability: 1) }, 7, 2023, 1, 0));
        Assert.Equal(0, BrainRule.Delivered(prm with { Brains = Brains(deliveryProbability: 0) }, 7, 2023, 1, 0));
        var half = prm with { Brains = Brains(deliveryProbability: 0.5) };
        int n = 0, delivered = 0;
        for (int replication = 0; replication < 500; replication++) { delivered += BrainRule.Delivered(half, 10, 2024, 3, replication); n += 10; }
        double sd = Math.Sqrt(n * 0.25);
        Assert.InRange(delivered, n * 0.5 - 4 * sd, n * 0.5 + 4 * sd);
    }

    [Theory]
    [InlineData(0, 1.0, 1_000, 0.0)]
    [InlineData(2, 1.0, 12_000, 0.1)]      // 2 × 600 / 12,000
    [InlineData(2, 0.01, 120, 0.1)]        // the same at scale 0.01
    [InlineData(2, 1.0, 600, 1.0)]         // more capacity than enterprises
    [InlineData(2, 1.0, 0, 0.0)]
    public void Onboarding_shares_the_brains_capacity_among_the_connectable(int brains, double scale, long connectable, double expected)
    {
        Assert.Equal(expected, BrainRule.Onboard(Brains(), scale, brains, connectable), 12);
    }

    [Fact]
    public void The_effect_grows_with_the_network_and_saturates()
    {
        var b = Brains();
        Assert.Equal(0, BrainRule.Effect(b, 1, 0));
        Assert.Equal(b.Boost / 2, BrainRule.Effect(b, 1, 6000), 12);
        Assert.Equal(b.Boost / 2, BrainRule.Effect(b, 0.01, 60), 12);   // counts at province scale
        double previous = 0;
        for (long n = 100; n <= 10_000_000; n *= 2)
        {
            double e = BrainRule.Effect(b, 1, n);
            Assert.True(e > previous && e < b.Boost);
            previous = e;
        }
        Assert.True(previous > 0.99 * b.Boost);
    }
}
