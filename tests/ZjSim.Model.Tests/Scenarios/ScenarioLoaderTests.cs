using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-scenario-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static ConfigException Fails(string path, double? scale = null) =>
        Assert.Throws<ConfigException>(() => ScenarioLoader.Load(path, TestConfig.Dir, scale));

    [Theory]
    [InlineData("baseline")]
    [InlineData("policy-push")]
    [InlineData("brain-led")]
    [InlineData("fiscal-squeeze")]
    public void Shipped_scenarios_load_and_validate(string name)
    {
        var s = ScenarioLoader.Load(name, TestConfig.Dir);
        Assert.Equal(name, s.Name);
        Assert.False(string.IsNullOrWhiteSpace(s.Description));
        Assert.Equal(64, s.Hash.Length);
        Assert.Equal(2021, s.Parameters.Years.BaseYear);
    }

    [Fact]
    public void Listing_names_the_four_shipped_scenarios()
    {
        var names = ScenarioLoader.List(TestConfig.Dir).Select(e => e.Name).ToArray();
        Assert.Superset(new HashSet<string> { "baseline", "policy-push", "brain-led", "fiscal-squeeze" }, names.ToHashSet());
    }

    [Fact]
    public void Overrides_merge_key_by_key_and_change_the_hash()
    {
        var baseline = ScenarioLoader.Load("baseline", TestConfig.Dir);
        var push = ScenarioLoader.Load("policy-push", TestConfig.Dir);
        // policy-push replaces the campaigns (instruments) and leaves the enterprises' answer to an offer alone.
        Assert.Equal(2024, push.Parameters.Government.Campaigns[0].Deadline);
        Assert.Equal(500, push.Parameters.Government.Campaigns[0].Providers);
        Assert.Equal(2025, baseline.Parameters.Government.Campaigns[0].Deadline);
        Assert.Equal(baseline.Parameters.Government.Acceptance, push.Parameters.Government.Acceptance);
        Assert.Equal(baseline.Parameters.Government.SubsidyEffectLinear, push.Parameters.Government.SubsidyEffectLinear);
        var noPlan = new Dictionary<string, int>();   // records compare dictionaries by reference: compare the plan apart
        Assert.Equal(baseline.Parameters.Brains with { Plan = noPlan }, push.Parameters.Brains with { Plan = noPlan });
        Assert.Equal(baseline.Parameters.Brains.Plan, push.Parameters.Brains.Plan);
        Assert.NotEqual(baseline.Hash, push.Hash);
        Assert.Equal(baseline.Hash, ScenarioLoader.Load("baseline", TestConfig.Dir).Hash);
    }

    [Fact]
    public void Scenario_by_path_with_comments_and_scale_override()
    {
        var path = Write("mine.json", "// a comment\n{ \"description\": \"d\", /* inline */ \"parameters\": { \"government\": { \"acceptance\": 0.2, }, }, }");
        var s = ScenarioLoader.Load(path, TestConfig.Dir, scale: 0.05);
        Assert.Equal("mine", s.Name);
        Assert.Equal(0.2, s.Parameters.Government.Acceptance);
        Assert.Equal(0.05, s.Parameters.World.Scale);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Fails(Path.Combine(_dir, "nope.json"));
        Assert.Contains("nope.json", e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Unknown_scenario_name_lists_the_known_ones()
    {
        var e = Fails("utopia");
        Assert.Contains("unknown scenario", e.Message);
        Assert.Contains("baseline", e.Message);
    }

    [Fact]
    public void Malformed_json_names_file_and_line()
    {
        var path = Write("bad.json", "{\n  \"parameters\": {\n    \"government\": { \"acceptance\": 0.2 \n  }\n");
        var e = Fails(path);
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("not valid JSON at line", e.Message);
    }

    [Fact]
    public void Unknown_key_is_named_with_a_suggestion()
    {
        var path = Write("typo.json", "{ \"parameters\": { \"government\": { \"acceptanc\": 0.2 } } }");
        var e = Fails(path);
        Assert.Equal(path, e.File);
        Assert.Equal("government.acceptanc", e.Field);
        Assert.Contains("did you mean 'acceptance'", e.Message);
    }

    [Fact]
    public void Unknown_top_level_key_is_named()
    {
        var e = Fails(Write("top.json", "{ \"paramters\": {} }"));
        Assert.Equal("paramters", e.Field);
    }

    [Fact]
    public void Probability_outside_unit_interval_is_named()
    {
        var path = Write("prob.json", "{ \"parameters\": { \"adoption\": { \"q\": [0.38, 1.5, 0.1, 0.05] } } }");
        var e = Fails(path);
        Assert.Equal(path, e.File);
        Assert.Equal("adoption.q[1]", e.Field);
        Assert.Contains("[0, 1]", e.Message);
    }

    [Fact]
    public void Negative_count_is_named()
    {
        var path = Write("neg.json", "{ \"parameters\": { \"world\": { \"above_size_enterprises\": -5 } } }");
        var e = Fails(path);
        Assert.Equal("world.above_size_enterprises", e.Field);
        Assert.Contains("must not be negative", e.Message);
    }

    [Fact]
    public void Negative_brain_plan_is_named()
    {
        var e = Fails(Write("plan.json", "{ \"parameters\": { \"brains\": { \"plan\": { \"2024\": -1 } } } }"));
        Assert.Equal("brains.plan.2024", e.Field);
    }

    [Fact]
    public void Year_range_outside_the_data_is_named()
    {
        var e1 = Fails(Write("y1.json", "{ \"parameters\": { \"years\": { \"base_year\": 2015 } } }"));
        Assert.Equal("years.base_year", e1.Field);
        var e2 = Fails(Write("y2.json", "{ \"parameters\": { \"years\": { \"end_year\": 2050 } } }"));
        Assert.Equal("years.end_year", e2.Field);
        var e3 = Fails(Write("y3.json", "{ \"parameters\": { \"brains\": { \"plan\": { \"2031\": 2 } } } }"));
        Assert.Equal("brains.plan.2031", e3.Field);
    }

    [Fact]
    public void Wrong_type_is_named()
    {
        var e = Fails(Write("type.json", "{ \"parameters\": { \"government\": { \"acceptance\": \"lots\" } } }"));
        Assert.Equal("government.acceptance", e.Field);
    }

    [Fact]
    public void Unknown_sector_in_a_cluster_is_named()
    {
        var e = Fails(Write("sector.json", "{ \"parameters\": { \"world\": { \"clusters\": [ { \"name\": \"x\", \"sector\": \"mining\", \"tier\": \"county\", \"output\": 5, \"digital_economy\": false, \"count\": 1 } ] } } }"));
        Assert.Equal("world.clusters[0].sector", e.Field);
    }

    [Fact]
    public void Out_of_range_scale_is_blamed_on_the_command_line()
    {
        var e = Fails("baseline", scale: 2);
        Assert.Equal("--scale", e.File);
        Assert.Equal("world.scale", e.Field);
    }

    [Fact]
    public void Shipped_goals_load_and_a_goal_with_an_unknown_indicator_is_named()
    {
        var years = TestConfig.Scenario().Parameters.Years;
        var goals = GoalSet.Load(Path.Combine(TestConfig.Dir, "goals.json"), years);
        Assert.Equal(11, goals.Goals.Count);
        var path = Write("goals.json", "{ \"goals\": [ { \"name\": \"g\", \"indicator\": \"happiness\", \"comparison\": \">=\", \"target\": 1, \"year\": 2027, \"mode\": \"final\", \"from_year\": null, \"scales_with_world\": false, \"reading\": \"r\" } ] }");
        var e = Assert.Throws<ConfigException>(() => GoalSet.Load(path, years));
        Assert.Equal("goals[0].indicator", e.Field);
    }
}
