using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Rules;

/// <summary>The government's campaign effort, the enterprises' answer to a subsidy, and recognition batches.</summary>
public class PolicyRuleTests
{
    /// <summary>A key-SME campaign from level 0 to full coverage, 2022–2025: 300 providers × 40, 30% of 0.5 capped at 0.3, 1.5 billion a year.</summary>
    private static CampaignParameters Campaign(double providers = 300, double budget = 1.5, double subsidyShare = 0.3, int fromLevel = 0) =>
        new("c", "key_sme", fromLevel, 1.0, 2022, 2025, providers, 40, subsidyShare, 0.3, 0.5, budget);

    [Fact]
    public void Effort_is_the_gap_over_the_years_left_when_capacity_and_budget_allow()
    {
        // 1,000 of 10,000 covered: gap 9,000 over 4 years (2022..2025) = 2,250; capacity 12,000, budget 10,000 at scale 1.
        var (p, offers) = CampaignRule.Offer(Campaign(), 2022, 1.0, 10_000, 1_000, 9_000);
        Assert.Equal(2_250, offers, 9);
        Assert.Equal(2_250 / 9_000.0, p, 12);
        // A year later, with 4,000 covered: 6,000 over 3 years.
        Assert.Equal(2_000, CampaignRule.Offer(Campaign(), 2023, 1.0, 10_000, 4_000, 6_000).Offers, 9);
    }

    [Fact]
    public void Effort_is_bound_by_the_providers_capacity_at_the_worlds_scale()
    {
        // Capacity 10 × 40 × 0.1 = 40 against a wanted 9,000 / 4 · (scale 0.1 counts) and an ample budget.
        var (p, offers) = CampaignRule.Offer(Campaign(providers: 10, budget: 100), 2022, 0.1, 1_000, 0, 1_000);
        Assert.Equal(40, offers, 9);
        Assert.Equal(0.04, p, 12);
    }

    [Fact]
    public void Effort_is_bound_by_what_the_budget_pays()
    {
        // 0.03 billion = 30 million at min(0.3, 0.3 × 0.5) = 0.15 million each = 200 enterprises, × scale 0.5 = 100.
        Assert.Equal(0.15, CampaignRule.SubsidyPerEnterprise(Campaign()), 12);
        var (p, offers) = CampaignRule.Offer(Campaign(budget: 0.03), 2022, 0.5, 10_000, 0, 10_000);
        Assert.Equal(100, offers, 9);
        Assert.Equal(0.01, p, 12);
        // The cap binds when the share of the cost is larger: 0.9 × 0.5 = 0.45 > 0.3.
        Assert.Equal(0.3, CampaignRule.SubsidyPerEnterprise(Campaign(subsidyShare: 0.9)), 12);
        // Without a subsidy no money is needed, so a budget of 0 does not stop the providers.
        Assert.Equal(10 * 40, CampaignRule.Offer(Campaign(providers: 10, budget: 0, subsidyShare: 0), 2022, 1, 10_000, 0, 10_000).Offers, 9);
    }

    [Fact]
    public void After_the_deadline_the_whole_gap_is_wanted_at_once()
    {
        Assert.Equal(3_000, CampaignRule.Offer(Campaign(providers: 1e5, budget: 1e3), 2027, 1, 10_000, 7_000, 3_000).Offers, 9);
        Assert.Equal(3_000, CampaignRule.Offer(Campaign(providers: 1e5, budget: 1e3), 2025, 1, 10_000, 7_000, 3_000).Offers, 9);
        Assert.Equal(1.0, CampaignRule.Offer(Campaign(providers: 1e5, budget: 1e3), 2026, 1, 10_000, 7_000, 3_000).Probability);
    }

    [Fact]
    public void Nothing_is_offered_before_the_start_once_the_target_is_met_or_with_no_one_at_the_level()
    {
        Assert.Equal((0.0, 0.0), CampaignRule.Offer(Campaign(), 2021, 1, 10_000, 0, 10_000));
        Assert.Equal((0.0, 0.0), CampaignRule.Offer(Campaign(), 2023, 1, 10_000, 10_000, 0));
        var partial = Campaign() with { TargetShare = 0.6 };
        Assert.Equal((0.0, 0.0), CampaignRule.Offer(partial, 2023, 1, 10_000, 6_000, 4_000));
        Assert.True(CampaignRule.Offer(partial, 2023, 1, 10_000, 5_999, 4_001).Offers > 0);
    }

    /// <summary>
    /// A campaign from level 1 counts the enterprises still at level 0 in its gap, but can only offer support to those at
    /// level 1: it never makes more offers (nor pays more subsidies) than there are enterprises to take them.
    /// </summary>
    [Fact]
    public void Offers_never_exceed_the_enterprises_at_the_campaigns_level()
    {
        // 10,000 key SMEs, 9,000 at level 0, 1,000 at level 1, none above: gap 10,000 after the deadline.
        var (p, offers) = CampaignRule.Offer(Campaign(providers: 1e5, budget: 1e3, fromLevel: 1), 2026, 1, 10_000, 0, 1_000);
        Assert.Equal(1.0, p);
        Assert.Equal(1_000, offers, 9);
    }

    [Fact]
    public void Offer_probability_does_not_depend_on_the_scale_of_the_world()
    {
        foreach (var (year, above, at) in new[] { (2022, 1_000, 9_000), (2024, 8_000, 2_000), (2027, 9_500, 500) })
            foreach (var c in new[] { Campaign(), Campaign(providers: 5), Campaign(budget: 0.01) })
            {
                var province = CampaignRule.Offer(c, year, 1, 10_000, above, at);
                var small = CampaignRule.Offer(c, year, 0.01, 100, above / 100, at / 100);
                Assert.Equal(province.Probability, small.Probability, 12);
                Assert.Equal(province.Offers * 0.01, small.Offers, 9);
            }
    }

    [Fact]
    public void Acceptance_is_an_inverted_U_in_the_subsidy_share()
    {
        var g = new GovernmentParameters(0.5, 0.8, 1.6, []);
        double peak = 0.8 / (2 * 1.6);
        Assert.Equal(0.5, CampaignRule.Acceptance(g, 0), 12);
        Assert.Equal(0.5 + 0.8 * peak - 1.6 * peak * peak, CampaignRule.Acceptance(g, peak), 12);
        for (double s = 0.01; s <= 0.2; s += 0.01)
        {
            Assert.True(CampaignRule.Acceptance(g, peak) > CampaignRule.Acceptance(g, peak - s));
            Assert.Equal(CampaignRule.Acceptance(g, peak - s), CampaignRule.Acceptance(g, peak + s), 12);   // symmetric about a / 2b
        }
        Assert.True(CampaignRule.Acceptance(g, 0.6) < CampaignRule.Acceptance(g, 0.0), "too large a subsidy crowds out");
        // Kept a probability.
        Assert.Equal(1, CampaignRule.Acceptance(new GovernmentParameters(0.9, 5, 0, []), 0.5));
        Assert.Equal(0, CampaignRule.Acceptance(new GovernmentParameters(0.1, 0, 10, []), 1));
    }

    [Theory]
    [InlineData(160, 1.0, 1_000, 0.16)]
    [InlineData(160, 0.01, 1_000, 0.0016)]
    [InlineData(160, 0.01, 10, 0.16)]
    [InlineData(160, 1.0, 100, 1.0)]     // a shallow pool: every candidate recognised
    [InlineData(0, 1.0, 100, 0.0)]       // no batch this year
    [InlineData(160, 1.0, 0, 0.0)]       // no candidate
    public void Recognition_grants_the_batch_among_the_candidates(double batch, double scale, long candidates, double expected)
    {
        Assert.Equal(expected, RecognitionRule.GrantProbability(batch, scale, candidates, 1.0), 12);
    }

    [Theory]
    [InlineData(160, 1_000, 0.1, 0.1)]    // demand binds: only a tenth apply, all of them recognised
    [InlineData(160, 1_000, 0.5, 0.16)]   // the batch binds
    public void Recognition_never_exceeds_the_share_that_applies(double batch, long candidates, double applicationRate, double expected)
    {
        Assert.Equal(expected, RecognitionRule.GrantProbability(batch, 1.0, candidates, applicationRate), 12);
    }
}
