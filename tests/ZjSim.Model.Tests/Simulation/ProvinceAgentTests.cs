using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>The government agent and the brain network, on start-of-year reports made by hand.</summary>
public class ProvinceAgentTests
{
    /// <summary>A tally from counts [size·5 + level] (above-size 0..4, then key SMEs 0..4).</summary>
    private static ClusterTally Tally(int[] counts, int onboarded = 0, int smartCandidates = 0, int futureCandidates = 0) =>
        new(counts, new int[ClusterTally.Bands * MaturityLevel.Count], onboarded, 0, 0, smartCandidates, futureCandidates);

    /// <summary>One report per cluster of the world; <paramref name="tallies"/> by cluster index, empty elsewhere.</summary>
    private static ClusterReport[] Reports(WorldLayout world, Dictionary<int, ClusterTally> tallies) =>
        world.Clusters.Select(c => new ClusterReport(c.Index, 2021, tallies.GetValueOrDefault(c.Index) ?? Tally(new int[10]), c.InitialOutput, false, 0)).ToArray();

    private static WorldLayout World(Func<ModelParameters, ModelParameters> change) => new(change(TestConfig.Scenario("baseline", 0.01).Parameters));

    [Fact]
    public void The_government_offers_what_capacity_and_budget_allow_and_counts_its_spending()
    {
        // The baseline's SME campaign alone. Key SMEs: 1,500 at level 0 and 500 at level 1, split over two clusters.
        var world = World(p => p with { Government = p.Government with { Campaigns = [p.Government.Campaigns[0]] } });
        var c = world.Parameters.Government.Campaigns[0];
        Assert.Equal((300, 40, 0.3, 0.3, 0.5, 1.5, 2025), (c.Providers, c.EnterprisesPerProvider, c.SubsidyShare, c.SubsidyCap, c.StepCost, c.Budget, c.Deadline));
        var reports = Reports(world, new()
        {
            [0] = Tally([10, 0, 0, 0, 0, 1_000, 300, 0, 0, 0]),
            [7] = Tally([0, 0, 0, 0, 0, 500, 200, 0, 0, 0]),
        });
        var government = new GovernmentAgent(world);
        var campaign = government.Campaign(2022, reports);

        // Gap 2,000 − 500 over 4 years = 375; capacity 300 × 40 × 0.01 = 120; budget 1,500 / 0.15 × 0.01 = 100 offers.
        var g = world.Parameters.Government;   // the calibrated medians: the rule's inverted U at subsidy share 0.3
        double acceptance = g.Acceptance + g.SubsidyEffectLinear * 0.3 - g.SubsidyEffectQuadratic * 0.09;
        Assert.Equal(acceptance, CampaignRule.Acceptance(world.Parameters.Government, 0.3), 12);
        var expected = new double[8];
        expected[(int)SizeClass.KeySme * 4 + 0] = 100.0 / 1_500 * acceptance;
        Assert.Equal(expected.Length, campaign.Length);
        for (int i = 0; i < 8; i++) Assert.Equal(expected[i], campaign[i], 12);
        Assert.Equal(100 / 0.01, government.Offers, 6);
        Assert.Equal(100 * acceptance * 0.15 / 1000 / 0.01, government.Spending, 9);   // billion yuan at province scale

        government.Campaign(2023, reports);
        Assert.Equal(2 * government.Spending, government.TotalSpending, 9);
    }

    [Fact]
    public void Two_campaigns_on_the_same_enterprises_are_two_chances()
    {
        var world = World(p => p with
        {
            Government = p.Government with
            {
                Campaigns = [p.Government.Campaigns[0], p.Government.Campaigns[0] with { Name = "second", Providers = 100 }],
            },
        });
        var reports = Reports(world, new() { [3] = Tally([0, 0, 0, 0, 0, 1_500, 500, 0, 0, 0]) });
        var g = world.Parameters.Government;
        double acceptance = CampaignRule.Acceptance(g, 0.3);
        double first = CampaignRule.Offer(g.Campaigns[0], 2022, 0.01, 2_000, 500, 1_500).Probability * acceptance;
        double second = CampaignRule.Offer(g.Campaigns[1], 2022, 0.01, 2_000, 500, 1_500).Probability * acceptance;
        Assert.NotEqual(first, second);
        var campaign = new GovernmentAgent(world).Campaign(2022, reports);
        Assert.Equal(1 - (1 - first) * (1 - second), campaign[(int)SizeClass.KeySme * 4], 12);
        Assert.Equal(0, campaign[(int)SizeClass.AboveSize * 4]);
    }

    [Fact]
    public void Recognition_spreads_each_years_batch_over_the_provinces_candidates()
    {
        var world = World(p => p);
        var reports = Reports(world, new() { [0] = Tally(new int[10], smartCandidates: 50, futureCandidates: 2), [9] = Tally(new int[10], smartCandidates: 30) });
        var (smart, future) = new GovernmentAgent(world).Recognition(2022, reports);
        var prm = world.Parameters;
        Assert.Equal(Math.Min(prm.SmartFactory.ApplicationRate, prm.SmartFactory.BatchIn(2022) * 0.01 / 80), smart, 12);
        Assert.Equal(Math.Min(prm.FutureFactory.ApplicationRate, prm.FutureFactory.BatchIn(2022) * 0.01 / 2), future, 12);
        Assert.Equal((0.0, 0.0), new GovernmentAgent(world).Recognition(2040, reports));   // no batch planned
    }

    /// <summary>A brain network whose brains live in a ledger, as the schedule keeps them: the base year's brains placed and read back.</summary>
    private sealed class Brains
    {
        private readonly BrainLedger _ledger = new();
        public BrainNetwork Network { get; }

        public Brains(WorldLayout world, ulong seed, int replication, IReadOnlyList<ClusterReport> baseYear)
        {
            Network = new BrainNetwork(world, seed, replication);
            Network.Read(_ledger.Step(world.Parameters.Years.BaseYear, Network.Initial(baseYear), []));
        }

        /// <summary>A year's launches, applied with the connections given and read back.</summary>
        public IReadOnlyList<int> Launch(int year, IReadOnlyList<ClusterReport> start, IReadOnlyList<long>? connections = null)
        {
            var launched = Network.Launch(year, start);
            Network.Read(_ledger.Step(year, launched, connections ?? []));
            return launched;
        }
    }

    /// <summary>Sectors in order of first appearance: digital, chemicals, textiles, manufacturing, light_industry.</summary>
    private static int Sector(WorldLayout world, string name) => world.Sectors.ToList().IndexOf(name);

    [Fact]
    public void Initial_brains_follow_demand_per_brain()
    {
        var world = World(p => p);
        // Level ≥ 2 in digital (cluster 0) twice that in chemicals (cluster 1); none elsewhere.
        var reports = Reports(world, new() { [0] = Tally([0, 0, 100, 0, 0, 0, 0, 0, 0, 0]), [1] = Tally([0, 0, 0, 50, 0, 0, 0, 0, 0, 0]) });
        var brains = new Brains(world, 1, 0, reports).Network;
        int digital = brains.BySector[Sector(world, "digital")], chemicals = brains.BySector[Sector(world, "chemicals")];
        Assert.Equal(world.Parameters.Brains.Initial, brains.Count);
        Assert.Equal(brains.Count, digital + chemicals);
        Assert.InRange(digital + 1 - 2 * (chemicals + 1), -2, 2);   // demand per brain equalised
    }

    [Fact]
    public void Demand_launches_one_brain_a_year_in_each_sector_that_supports_more()
    {
        // No brains at first, none planned, demand always acted on; 1,000 enterprises at level ≥ 2 support one brain.
        var world = World(p => p with { Brains = p.Brains with { Initial = 0, Plan = [], DemandEnterprises = 1_000, DemandProbability = 1 } });
        // Scale 0.01: 20 simulated enterprises stand for 2,000 (two brains) in digital, 5 for 500 (none) in chemicals.
        var reports = Reports(world, new() { [0] = Tally([0, 0, 20, 0, 0, 0, 0, 0, 0, 0]), [1] = Tally([0, 0, 5, 0, 0, 0, 0, 0, 0, 0]) });
        var brains = new Brains(world, 1, 0, reports);
        Assert.Equal(0, brains.Network.Count);
        int digital = Sector(world, "digital");
        Assert.Equal([digital], brains.Launch(2022, reports));
        Assert.Equal([digital], brains.Launch(2023, reports));
        Assert.Empty(brains.Launch(2024, reports));   // two brains: demand met
        Assert.Equal(2, brains.Network.BySector[digital]);
        Assert.Equal(world.Clusters.Count(c => c.Sector == "digital"), brains.Network.ClustersServed);
    }

    [Fact]
    public void Planned_brains_are_delivered_late_but_never_more_than_planned()
    {
        var world = World(p => p with { Brains = p.Brains with { Plan = new() { ["2022"] = 10 }, DeliveryProbability = 0.5, DemandProbability = 0 } });
        var reports = Reports(world, new() { [0] = Tally([0, 0, 100, 0, 0, 0, 0, 0, 0, 0]) });
        var brains = new Brains(world, 4, 1, reports);
        int first = brains.Launch(2022, reports).Count, later = 0;
        for (int year = 2023; year <= 2027; year++) later += brains.Launch(year, reports).Count;
        Assert.InRange(first + later, 1, 10);
        Assert.True(later > 0, "a brain that slips in 2022 is still pending, and delivered later");
        Assert.Equal(world.Parameters.Brains.Initial + first + later, brains.Network.Count);
    }

    [Fact]
    public void Service_shares_capacity_and_gives_the_network_effect()
    {
        var world = World(p => p with { Brains = p.Brains with { Initial = 0, Plan = [], DemandEnterprises = 1_000, DemandProbability = 1 } });
        // Digital: 100 enterprises at level 2, 20 of them connected. Chemicals: no brain.
        var reports = Reports(world, new() { [0] = Tally([0, 0, 100, 0, 0, 0, 0, 0, 0, 0], onboarded: 20), [1] = Tally([0, 50, 0, 0, 0, 0, 0, 0, 0, 0]) });
        var brains = new Brains(world, 1, 0, reports);
        Assert.Single(brains.Launch(2022, reports));
        // The brain's record learns of the 20 connected enterprises at the next year's step.
        brains.Launch(2023, reports, brains.Network.Connections(reports));
        var (onboard, effect) = brains.Network.Service(reports);
        int digital = Sector(world, "digital"), chemicals = Sector(world, "chemicals");
        var b = world.Parameters.Brains;
        Assert.Equal(brains.Network.BySector[digital] * b.OnboardingCapacity * 0.01 / 80, onboard[digital], 12);   // brains × 600 × 0.01 / (100 − 20)
        Assert.Equal(b.Boost * 2_000 / (2_000 + b.HalfNetwork), effect[digital], 12);     // 20 / 0.01 connected
        Assert.Equal(0, onboard[chemicals]);
        Assert.Equal(0, effect[chemicals]);
        Assert.Equal(20, brains.Network.ConnectedBySector[digital]);
    }
}
