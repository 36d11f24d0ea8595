using ZjSim.Model.Goals;

namespace ZjSim.Model.Tests.Goals;

public class GoalSetTests
{
    private static Goal G(string indicator, string cmp, double target, GoalMode mode = GoalMode.Final, int? from = null, bool scales = false) =>
        new(indicator, indicator, cmp, target, 2027, mode, from, scales, "");

    private static IndicatorTable Table()
    {
        var t = new IndicatorTable(2021, 2027);
        for (int y = 2022; y <= 2027; y++) t[y, Indicator.ScienceProjects] = y == 2024 ? 199 : 200 + y - 2022;
        t[2027, Indicator.DigitalEconomyValue] = 7000;
        t[2027, Indicator.SmartFactories] = 30;
        return t;
    }

    [Fact]
    public void Strict_and_inclusive_comparisons_differ_at_the_target()
    {
        var r = new GoalSet([G("digital_economy_value", ">", 7000), G("digital_economy_value", ">=", 7000) with { Name = "inclusive" }])
            .Evaluate(Table(), 1);
        Assert.False(r[0].Met);
        Assert.True(r[1].Met);
        Assert.Equal(7000, r[0].Value);
    }

    [Fact]
    public void Every_year_goals_take_the_least_year()
    {
        var r = new GoalSet([G("science_projects", ">=", 200, GoalMode.EveryYear, 2022)]).Evaluate(Table(), 1);
        Assert.Equal(199, r[0].Value);
        Assert.False(r[0].Met);
        var r2 = new GoalSet([G("science_projects", ">=", 200, GoalMode.EveryYear, 2025)]).Evaluate(Table(), 1);
        Assert.Equal(203, r2[0].Value);
        Assert.True(r2[0].Met);
    }

    [Fact]
    public void Counts_of_titles_scale_with_the_world()
    {
        var r = new GoalSet([G("smart_factories", ">=", 1200, scales: true)]).Evaluate(Table(), 0.02);
        Assert.Equal(24, r[0].Target, 12);
        Assert.True(r[0].Met);
        var full = new GoalSet([G("smart_factories", ">=", 1200, scales: true)]).Evaluate(Table(), 1);
        Assert.False(full[0].Met);
    }
}
