using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.Uncertainty;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Scenarios;

/// <summary>config/zhejiang/priors.json: a layer over any scenario that makes every uncertain parameter a distribution.</summary>
public class ParameterPriorsTests
{
    private static string PriorsPath => Path.Combine(TestConfig.Dir, "zhejiang", "priors.json");

    private static Scenario WithPriors(string scenario) =>
        ScenarioLoader.Load(scenario, TestConfig.Dir, new LoadOptions { Scale = 0.01, Layers = [PriorsPath] });

    /// <summary>The distributions the priors file gives, by path.</summary>
    private static List<UncertainParameter> Priors() =>
        ParameterUncertainty.Find(ScenarioLoader.ReadObject(PriorsPath)["parameters"]!, PriorsPath);

    private static List<ConfigIssue> Issues(ModelParameters prm)
    {
        var check = new ParameterCheck();
        prm.Validate(check);
        return check.Issues;
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("policy-push")]
    [InlineData("brain-led")]
    [InlineData("fiscal-squeeze")]
    public void Loads_as_a_layer_over_each_scenario_and_makes_every_prior_uncertain(string scenario)
    {
        var s = WithPriors(scenario);
        var priors = Priors();
        Assert.True(priors.Count >= 40, $"only {priors.Count} priors");
        Assert.Equal(priors.Select(p => p.Path).Order(), s.Uncertainty.Parameters.Select(p => p.Path).Order());
        Assert.Empty(Issues(s.Parameters));   // the nominal set (each prior's median) is valid
        Assert.True(ScenarioLoader.Load(scenario, TestConfig.Dir, 0.01).Uncertainty.IsEmpty, "without the layer nothing is uncertain");
    }

    /// <summary>Each end of each prior's support, every other parameter nominal, passes the parameter's validation.</summary>
    [Fact]
    public void Every_priors_support_lies_inside_the_parameters_valid_range()
    {
        var s = WithPriors("baseline");
        foreach (var p in s.Uncertainty.Parameters)
        {
            var (lower, upper) = p.Distribution.Support;
            Assert.True(double.IsFinite(lower) && double.IsFinite(upper) && lower <= upper, $"{p.Path}: support [{lower}, {upper}]");
            foreach (double end in new[] { lower, upper })
            {
                var issues = Issues(ParameterUncertainty.Apply(s.Parameters, [p.Path], [end]));
                Assert.True(issues.Count == 0, $"{p.Path} at {end}: {string.Join("; ", issues.Select(i => $"{i.Path} {i.Message}"))}");
            }
        }
    }

    /// <summary>Jointly too: all at their lower ends, all at their upper ends, and 300 replications' draws are valid worlds.</summary>
    [Fact]
    public void Every_draw_of_the_priors_is_a_valid_world()
    {
        var s = WithPriors("baseline");
        var u = s.Uncertainty;
        var corners = new[]
        {
            u.Apply(s.Parameters, u.Parameters.Select(p => p.Distribution.Support.Lower).ToArray()),
            u.Apply(s.Parameters, u.Parameters.Select(p => p.Distribution.Support.Upper).ToArray()),
        };
        var draws = Enumerable.Range(0, 300).Select(r => u.ForReplication(s.Parameters, 5, r));
        foreach (var prm in corners.Concat(draws))
        {
            var issues = Issues(prm);
            Assert.True(issues.Count == 0, string.Join("; ", issues.Select(i => $"{i.Path} {i.Message}")));
            var world = new WorldLayout(prm);
            Assert.Equal(1, world.AboveSizeRevenue.Mean / (prm.World.Revenue.AboveSizeTotal * 1000 / prm.World.AboveSizeEnterprises), 1e-6);
            Assert.InRange(world.InitialSmartProbability, 0, 1);
        }
    }

    [Fact]
    public void A_replication_with_the_priors_runs_on_its_drawn_parameters()
    {
        var s = WithPriors("baseline");
        for (int r = 0; r < 2; r++)
        {
            var prm = s.Uncertainty.ForReplication(s.Parameters, 3, r);
            var table = ReplicationRunner.Run(new WorldLayout(prm), 3, r);
            Assert.Equal(prm.ValueAdded.GdpInitial, table[2021, Indicator.Gdp]);
            Assert.All(Enumerable.Range(2021, 7), y => Assert.True(double.IsFinite(table[y, Indicator.DigitalEconomyValue])));
        }
        Assert.NotEqual(s.Uncertainty.ForReplication(s.Parameters, 3, 0).Adoption.Q[0], s.Uncertainty.ForReplication(s.Parameters, 3, 1).Adoption.Q[0]);
    }

    /// <summary>Policy levers are choices, not beliefs: the priors give none of them a distribution.</summary>
    [Fact]
    public void Policy_levers_have_no_prior()
    {
        string[] levers = ["government.campaigns", "smart_factory.batches", "future_factory.batches", "brains.plan", "brains.initial",
            "science.projects_planned", "platforms.yearly_probability", "years.", "world.scale", "world.clusters"];
        Assert.All(Priors(), p => Assert.DoesNotContain(levers, l => p.Path.StartsWith(l, StringComparison.Ordinal)));
    }
}
