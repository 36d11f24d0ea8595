using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Uncertainty;

public sealed class DistributionParsingTests : IDisposable
{
    private readonly ScenarioFiles _files = new();
    public void Dispose() => _files.Dispose();

    private Scenario Load(string parametersJson) => ScenarioLoader.Load(_files.Write("s.json", parametersJson), TestConfig.Dir);

    private ConfigException Fails(string parametersJson)
    {
        string path = _files.Write("bad.json", parametersJson);
        var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(path, TestConfig.Dir));
        Assert.Equal(path, e.File);
        return e;
    }

    [Fact]
    public void Every_kind_is_read_and_its_median_is_the_nominal_value()
    {
        var s = Load("""
            {
              "adoption": { "platform_boost": { "dist": "uniform", "min": 0.01, "max": 0.05 },
                            "q": [ { "dist": "triangular", "min": 0.2, "mode": 0.38, "max": 0.5 }, 0.2, 0.08, 0.03 ],
                            "p": [ { "above_size": { "dist": "beta", "alpha": 2, "beta": 5 }, "key_sme": 0.03 },
                                   { "above_size": 0.03, "key_sme": 0.015 }, { "above_size": 0.01, "key_sme": 0.004 }, { "above_size": 0.003, "key_sme": 0.0005 } ] },
              "value_added": { "other_growth": { "dist": "normal", "mean": 0.09, "sd": 0.02, "min": 0, "max": 0.2 } },
              "cluster_output": { "adoption_elasticity": { "dist": "lognormal", "mu": 0.4, "sigma": 0.3, "max": 5 } }
            }
            """);
        var u = s.Uncertainty.Parameters;
        Assert.Equal(["adoption.p[0].above_size", "adoption.q[0]", "adoption.platform_boost", "cluster_output.adoption_elasticity", "value_added.other_growth"],
            u.Select(p => p.Path).ToArray());
        Assert.Equal(0.03, s.Parameters.Adoption.PlatformBoost, 12);
        Assert.Equal(MathNet.Numerics.Distributions.Triangular.InvCDF(0.2, 0.5, 0.38, 0.5), s.Parameters.Adoption.Q[0], 12);
        Assert.Equal(0.09, s.Parameters.ValueAdded.OtherGrowth, 6);   // the truncation is nearly symmetric
        // Truncated at 5: the median is the quantile at half the kept mass.
        double kept = MathNet.Numerics.Distributions.Normal.CDF(0, 1, (Math.Log(5) - 0.4) / 0.3);
        Assert.Equal(Math.Exp(0.4 + 0.3 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, kept / 2)), s.Parameters.ClusterOutput.AdoptionElasticity, 12);
        Assert.Equal(MathNet.Numerics.Distributions.Beta.InvCDF(2, 5, 0.5), s.Parameters.Adoption.P[0].AboveSize, 12);
    }

    [Fact]
    public void The_canonical_json_keeps_the_distributions_and_reads_back_the_same()
    {
        var s = Load("""{ "adoption": { "platform_boost": { "dist": "uniform", "min": 0.01, "max": 0.05 } } }""");
        var node = JsonNode.Parse(s.CanonicalJson)!;
        Assert.Equal("uniform", node["adoption"]!["platform_boost"]!["dist"]!.GetValue<string>());
        var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(s.CanonicalJson);
        Assert.Equal(s.Parameters.Adoption.PlatformBoost, nominal.Adoption.PlatformBoost);
        Assert.Equal(s.Uncertainty.Parameters, uncertainty.Parameters);
        Assert.NotEqual(TestConfig.Scenario("baseline", null).Hash, s.Hash);
    }

    [Fact]
    public void A_scenario_without_distributions_keeps_its_canonical_json()
    {
        var s = TestConfig.Scenario("baseline", null);
        Assert.True(s.Uncertainty.IsEmpty);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(s.Parameters, ConfigJson.Options), s.CanonicalJson);
    }

    [Theory]
    [InlineData("""{ "dist": "uniform", "min": 0.5, "max": 0.1 }""", "min (0.5) is not below its max (0.1)")]
    [InlineData("""{ "dist": "uniform", "min": 0.1 }""", "without its \"max\"")]
    [InlineData("""{ "dist": "uniform", "min": 0.1, "max": 0.2, "mode": 0.15 }""", "has no field \"mode\"")]
    [InlineData("""{ "dist": "uniform", "min": "low", "max": 0.2 }""", "\"min\" must be a finite number")]
    [InlineData("""{ "dist": "gamma", "shape": 2 }""", "unknown kind \"gamma\"")]
    [InlineData("""{ "dist": 3 }""", "\"dist\" must be a name")]
    [InlineData("""{ "dist": "normal", "mean": 0.03, "sd": 0 }""", "sd must be above 0")]
    [InlineData("""{ "dist": "normal", "mean": 0.03, "sd": 0.01, "min": 0.05, "max": 0.01 }""", "min (0.05) is not below its max (0.01)")]
    [InlineData("""{ "dist": "normal", "mean": 0.03, "sd": 0.001, "min": 0.9, "max": 1 }""", "keeps almost none")]
    [InlineData("""{ "dist": "lognormal", "mu": -3, "sigma": -1, "max": 1 }""", "sigma must be above 0")]
    [InlineData("""{ "dist": "lognormal", "mu": -3, "sigma": 1, "min": -1, "max": 1 }""", "min must not be negative")]
    [InlineData("""{ "dist": "beta", "alpha": 0, "beta": 2 }""", "alpha must be above 0")]
    [InlineData("""{ "dist": "beta", "alpha": 2, "beta": 2, "max": 0.5 }""", "min and max must be given together")]
    [InlineData("""{ "dist": "triangular", "min": 0.1, "mode": 0.5, "max": 0.3 }""", "mode (0.5) must lie between")]
    public void Bad_distributions_name_file_and_field(string distribution, string problem)
    {
        var e = Fails($$"""{ "adoption": { "platform_boost": {{distribution}} } }""");
        Assert.Equal("adoption.platform_boost", e.Field);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("""{ "dist": "uniform", "min": 0.5, "max": 1.5 }""", "leaves the parameter's valid range: at 1.5")]
    [InlineData("""{ "dist": "normal", "mean": 0.03, "sd": 0.01 }""", "unbounded support (−∞, ∞)")]
    [InlineData("""{ "dist": "normal", "mean": 0.03, "sd": 0.01, "min": -0.1, "max": 0.1 }""", "at -0.1")]
    [InlineData("""{ "dist": "lognormal", "mu": -3, "sigma": 1 }""", "truncate it with \"max\"")]
    [InlineData("""{ "dist": "beta", "alpha": 2, "beta": 2, "min": 0.5, "max": 2 }""", "at its median 1.25, it is a probability")]
    public void A_support_outside_the_valid_range_is_refused(string distribution, string problem)
    {
        var e = Fails($$"""{ "adoption": { "platform_boost": {{distribution}} } }""");
        Assert.Equal("adoption.platform_boost", e.Field);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_support_that_breaks_a_joint_constraint_names_both_fields()
    {
        var e = Fails("""
            { "world": { "initial_level_shares": [
                { "above_size": { "dist": "uniform", "min": 0.3, "max": 0.5 }, "key_sme": 0.533 },
                { "above_size": 0.33, "key_sme": 0.330 }, { "above_size": 0.20, "key_sme": 0.110 },
                { "above_size": 0.06, "key_sme": 0.025 }, { "above_size": 0.01, "key_sme": 0.002 } ] } }
            """);
        Assert.Equal("world.initial_level_shares[0].above_size", e.Field);
        Assert.Contains("'world.initial_level_shares' the shares of above_size must sum to 1", e.Message);
    }

    [Theory]
    [InlineData("""{ "brains": { "initial": { "dist": "uniform", "min": 20, "max": 40 } } }""", "brains.initial", "whole number")]
    [InlineData("""{ "years": { "end_year": { "dist": "uniform", "min": 2026, "max": 2028 } } }""", "years.end_year", "whole number")]
    [InlineData("""{ "world": { "scale": { "dist": "uniform", "min": 0.1, "max": 0.2 } } }""", "world.scale", "--scale")]
    [InlineData("""{ "adoption": { "platform_boost": { "min": 0.1, "max": 0.2 } } }""", "adoption.platform_boost", "must be a number or a distribution")]
    public void Only_real_valued_parameters_can_be_uncertain(string parametersJson, string field, string problem)
    {
        var e = Fails(parametersJson);
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Message);
    }
}
