namespace ZjSim.Model.Tests.Goals;

/// <summary>
/// No 2027 goal is decided by construction (issue 12): for each, one set of beliefs inside the priors under which the
/// baseline meets it and one under which it misses it. Only parameters with a prior are set (GoalTrial refuses the
/// rest), so the policy levers stay at the baseline's. Scale 0.05, a fixed seed and several replications; where the
/// goal is met or missed in every replication the comment gives the median's distance from the target. Four goals
/// (brains, smart and future factories, platforms) cannot be met in (nearly) every replication anywhere in the priors:
/// their tests assert what the priors do reach and say which mechanism caps it.
/// </summary>
public class GoalReachabilityTests
{
    private const int Replications = 12;
    /// <summary>Goals that are met only by chance even at the priors' best corner: more replications to read a share.</summary>
    private const int ManyReplications = 30;

    private static GoalOutcome Run(string goal, Dictionary<string, double> settings, int replications = Replications) =>
        GoalTrial.Run(goal, settings, replications);

    private static void MetInEvery(GoalOutcome o) => Assert.True(o.Met == o.Replications, $"expected met in every replication; {o}");
    private static void MissedInEvery(GoalOutcome o) => Assert.True(o.Met == 0, $"expected missed in every replication; {o}");

    /// <summary>Everything that raises the share at level ≥ 2, each at the favourable end of its prior.</summary>
    private static Dictionary<string, double> FastLevelTwo() => new()
    {
        ["world.above_size_enterprises"] = 65000,
        ["world.key_sme_enterprises"] = 300000,
        ["adoption.p[0].above_size"] = 0.1,
        ["adoption.p[0].key_sme"] = 0.08,
        ["adoption.q[0]"] = 0.8,
        ["adoption.p[1].above_size"] = 0.06,
        ["adoption.p[1].key_sme"] = 0.04,
        ["adoption.q[1]"] = 0.4,
        // β = 0: with β > 0 the key SMEs, whose revenue lies below the size line, adopt more slowly.
        ["adoption.revenue_elasticity"] = 0,
        ["adoption.sector_p_multiplier.digital"] = 1.6,
        ["adoption.sector_p_multiplier.chemicals"] = 1.3,
        ["adoption.sector_p_multiplier.textiles"] = 1.2,
        ["adoption.sector_p_multiplier.light_industry"] = 1.1,
        ["adoption.city_tier_multiplier[1]"] = 1.0,
        ["adoption.city_tier_multiplier[2]"] = 1.0,
        ["adoption.sector_peer_weight"] = 0.6,
        ["adoption.platform_boost"] = 0.05,
        ["adoption.level_boost_weight[1]"] = 0.9,
        ["platforms.initial_share.characteristic"] = 0.9,
        ["platforms.initial_share.rising_star"] = 0.6,
        ["platforms.demand_effect"] = 0.6,
        ["brains.onboarding_capacity"] = 1200,
        ["brains.boost"] = 0.12,
        ["brains.half_network"] = 2000,
    };

    [Fact]
    public void Digital_economy_value_follows_the_digitalisation_the_agents_do_not_build()
    {
        // At 14% a year the rest of the economy carries the total to about 7,700 (10% above 7,000); at 4%, to about 5,500.
        var meet = Run("digital_economy_value", new() { ["value_added.other_growth"] = 0.14 });
        var miss = Run("digital_economy_value", new() { ["value_added.other_growth"] = 0.04 });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(meet.Median > 1.05 * meet.Target, meet.ToString());
        Assert.True(miss.Median < 0.9 * miss.Target, miss.ToString());
    }

    [Fact]
    public void Core_industry_value_follows_the_digital_sectors_output_growth()
    {
        var meet = Run("core_industry_value", new() { ["cluster_output.digital_growth"] = 0.1 });
        var miss = Run("core_industry_value", new() { ["cluster_output.digital_growth"] = 0.0 });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(meet.Median > 1.15 * meet.Target, meet.ToString());
        Assert.True(miss.Median < 0.9 * miss.Target, miss.ToString());
    }

    [Fact]
    public void Six_digital_clusters_reach_100_billion_only_if_the_smallest_grows_fast_enough()
    {
        // The smallest placeholder starts at 50 billion and needs 12.2% a year; at 0.06 + 0.10 it ends near 120.
        var meet = Run("digital_clusters_100b", new() { ["cluster_output.digital_growth"] = 0.1 });
        var miss = Run("digital_clusters_100b", new() { ["cluster_output.digital_growth"] = 0.0, ["cluster_output.growth.characteristic"] = 0.04 });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(miss.Median <= miss.Target - 2, miss.ToString());
    }

    [Fact]
    public void Above_size_coverage_is_met_with_a_high_intrinsic_rate_and_missed_with_a_low_one_and_low_acceptance()
    {
        var meet = Run("coverage_above_size", new() { ["adoption.p[0].above_size"] = 0.08, ["adoption.q[0]"] = 0.6 });
        var miss = Run("coverage_above_size", new()
        {
            ["adoption.p[0].above_size"] = 0.01, ["adoption.q[0]"] = 0.1, ["government.acceptance"] = 0.25,
        });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(miss.Median < 0.95, miss.ToString());
    }

    [Fact]
    public void Key_sme_coverage_is_met_with_a_high_intrinsic_rate_and_missed_with_a_low_one_and_low_acceptance()
    {
        var meet = Run("coverage_key_sme", new() { ["adoption.p[0].key_sme"] = 0.06, ["adoption.q[0]"] = 0.6 });
        var miss = Run("coverage_key_sme", new()
        {
            ["adoption.p[0].key_sme"] = 0.005, ["adoption.q[0]"] = 0.1, ["government.acceptance"] = 0.25,
        });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(miss.Median < 0.9, miss.ToString());
    }

    [Fact]
    public void Innovation_achievements_follow_the_yield_of_a_project()
    {
        // About 197 projects a year over six years: 0.2 yields about 236 (150 needs 0.127), 0.05 about 59.
        var meet = Run("innovation_achievements", new() { ["science.achievement_yield"] = 0.2 });
        var miss = Run("innovation_achievements", new() { ["science.achievement_yield"] = 0.05 });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.True(meet.Median > 1.3 * meet.Target, meet.ToString());
        Assert.True(miss.Median < 0.5 * miss.Target, miss.ToString());
    }

    [Fact]
    public void Science_projects_are_met_only_when_every_planned_project_is_launched()
    {
        // The baseline plans exactly 200 a year and the goal wants 200 in the least of six years: it is met only at
        // realisation = 1, the top of its prior (below it, every one of 1,200 projects must be launched: r^1200).
        var meet = Run("science_projects", new() { ["science.realisation"] = 1.0 });
        var miss = Run("science_projects", new() { ["science.realisation"] = 0.99 });
        MetInEvery(meet);
        MissedInEvery(miss);
        Assert.All(meet.Values, v => Assert.Equal(200, v));
    }

    [Fact]
    public void Industry_brains_reach_50_only_near_the_priors_best_corner()
    {
        // The plan gives at most 30 + 6 × 2 = 42; the rest must come from demand, one launch per sector a year at most,
        // once a sector's enterprises at level ≥ 2 pass demand_enterprises per brain. Only with every belief that raises
        // the share at level ≥ 2 at its favourable end does demand launch the eight more, and then not always.
        var corner = FastLevelTwo();
        corner["brains.delivery_probability"] = 1.0;
        corner["brains.demand_enterprises"] = 4000;
        corner["brains.demand_probability"] = 0.8;
        var meet = Run("industry_brains", corner, ManyReplications);
        var miss = Run("industry_brains", new() { ["brains.delivery_probability"] = 0.6 });
        Assert.True(meet.Met >= ManyReplications / 2 && meet.Median >= meet.Target, $"expected met in most replications; {meet}");
        MissedInEvery(miss);
        Assert.True(miss.Values.Max() <= 42, miss.ToString());
    }

    [Fact]
    public void Platform_coverage_is_met_only_by_chance_even_at_the_priors_best_corner()
    {
        // Every one of about 56 clusters over 10 billion must gain a platform by 2027; a rising star without one gains
        // it with 0.08 (the programme, a lever) + demand_effect × its share at level ≥ 2 a year. At the best corner each
        // still misses with a few per cent, and all 56 together rarely succeed.
        var corner = FastLevelTwo();
        corner["cluster_output.growth.county"] = 0.0;
        var meet = Run("platform_coverage_10b", corner, ManyReplications);
        var miss = Run("platform_coverage_10b", new() { ["platforms.demand_effect"] = 0.0 });
        Assert.True(meet.Met >= 1 && meet.Median >= 0.95, $"expected met in some replications; {meet}");
        MissedInEvery(miss);
    }

    [Fact]
    public void Smart_factories_are_a_coin_flip_anywhere_in_the_priors()
    {
        // Recognition grants Binomial(candidates, batch / candidates): its mean is the batch when the pool is deep,
        // so the count's mean is at most 263 + 6 × 160 = 1,223 (61.15 here against 60), with noise of about √batch a
        // year. The pool stays deep even at the unfavourable corner, since the 2021 level shares (which have no prior)
        // already put about 1,200 enterprises at level ≥ 2 with revenue over 400 million yuan.
        var favourable = Run("smart_factories", new()
        {
            ["world.revenue.investment_ratio"] = 0.5, ["adoption.p[1].above_size"] = 0.06, ["adoption.q[1]"] = 0.4,
        }, ManyReplications);
        var unfavourable = Run("smart_factories", new()
        {
            ["world.revenue.investment_ratio"] = 0.1, ["world.revenue.sigma"] = 1.0, ["world.above_size_enterprises"] = 65000,
            ["adoption.p[1].above_size"] = 0.005, ["adoption.q[1]"] = 0.02, ["adoption.platform_boost"] = 0, ["brains.boost"] = 0,
        }, ManyReplications);
        Assert.True(favourable.Met > 0 && favourable.Missed > 0, favourable.ToString());
        Assert.True(unfavourable.Met > 0 && unfavourable.Missed > 0, unfavourable.ToString());
        Assert.True(favourable.Met >= unfavourable.Met, $"{favourable}; {unfavourable}");
    }

    [Fact]
    public void Future_factories_are_missed_with_a_shallow_pool_and_met_only_by_chance_with_a_deep_one()
    {
        // The same cap: 32 + 6 × 12 = 104 against 100 (5.2 here against 5). A deep pool (investment 0.5 of revenue,
        // fast moves to levels 2 and 3) makes the goal a coin flip; a shallow one (investment 0.1, so revenue over a
        // billion, and a thin revenue tail) misses it.
        var meet = Run("future_factories", new()
        {
            ["world.revenue.investment_ratio"] = 0.5, ["adoption.p[1].above_size"] = 0.06, ["adoption.q[1]"] = 0.4,
            ["adoption.p[2].above_size"] = 0.03, ["adoption.q[2]"] = 0.2,
        }, ManyReplications);
        var miss = Run("future_factories", new()
        {
            ["world.revenue.investment_ratio"] = 0.1, ["world.revenue.sigma"] = 1.0,
            ["adoption.p[1].above_size"] = 0.005, ["adoption.q[1]"] = 0.02, ["adoption.p[2].above_size"] = 0.001, ["adoption.q[2]"] = 0.01,
        }, ManyReplications);
        Assert.True(meet.Met >= ManyReplications / 4, $"expected met in a quarter or more; {meet}");
        Assert.True(miss.Met <= 1, $"expected missed in (nearly) every replication; {miss}");
    }

    [Fact]
    public void A_setting_without_a_prior_or_outside_its_support_is_refused()
    {
        // Policy levers stay at the baseline's: the recognition batch has no prior.
        var lever = Assert.Throws<ArgumentException>(() => GoalTrial.Run("smart_factories", new Dictionary<string, double> { ["smart_factory.batches.2025"] = 400 }, 1));
        Assert.Contains("has no prior", lever.Message);
        var outside = Assert.Throws<ArgumentException>(() => GoalTrial.Run("core_industry_value", new Dictionary<string, double> { ["cluster_output.digital_growth"] = 0.13 }, 1));
        Assert.Contains("outside the support", outside.Message);
        // A value the prior file fixes (the reference sector's multiplier) has no prior either.
        Assert.NotNull(ParameterPriors.Shipped.Refusal("adoption.sector_p_multiplier.manufacturing", 1.0));
        Assert.Null(ParameterPriors.Shipped.Refusal("cluster_output.digital_growth", 0.12));
    }
}
