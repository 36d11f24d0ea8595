using MathNet.Numerics.Distributions;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.Uncertainty;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Uncertainty;

public sealed class ParameterDrawTests : IDisposable
{
    private readonly ScenarioFiles _files = new();
    public void Dispose() => _files.Dispose();

    private const string Boost = """{ "dist": "uniform", "min": 0.01, "max": 0.05 }""";

    [Fact]
    public void A_replication_draws_the_same_values_every_time_and_each_replication_its_own()
    {
        var s = ScenarioLoader.Load(_files.Write("a.json", $$"""{ "adoption": { "platform_boost": {{Boost}} } }"""), TestConfig.Dir);
        var u = s.Uncertainty;
        Assert.Equal(u.Draw(7, 3, 2021), u.Draw(7, 3, 2021));
        Assert.NotEqual(u.Draw(7, 3, 2021), u.Draw(7, 4, 2021));
        Assert.NotEqual(u.Draw(7, 3, 2021), u.Draw(8, 3, 2021));
        var drawn = u.ForReplication(s.Parameters, 7, 3);
        Assert.Equal(u.Draw(7, 3, 2021)[0], drawn.Adoption.PlatformBoost);
    }

    [Fact]
    public void A_parameter_draws_the_same_value_in_every_scenario_that_makes_it_uncertain()
    {
        // Common random numbers: the stream is the parameter's own, whatever else is uncertain.
        var one = ScenarioLoader.Load(_files.Write("one.json", $$"""{ "adoption": { "platform_boost": {{Boost}} } }"""), TestConfig.Dir);
        var two = ScenarioLoader.Load(_files.Write("two.json", $$"""
            { "value_added": { "other_growth": { "dist": "uniform", "min": 0.05, "max": 0.1 } },
              "adoption": { "platform_boost": {{Boost}} }, "government": { "acceptance": 0.3 } }
            """), TestConfig.Dir);
        for (int r = 0; r < 5; r++)
            Assert.Equal(one.Uncertainty.ForReplication(one.Parameters, 1, r).Adoption.PlatformBoost,
                two.Uncertainty.ForReplication(two.Parameters, 1, r).Adoption.PlatformBoost);
    }

    [Fact]
    public void Without_uncertain_parameters_every_replication_simulates_the_nominal_set()
    {
        var s = TestConfig.Scenario();
        Assert.Same(s.Parameters, s.Uncertainty.ForReplication(s.Parameters, 1, 5));
    }

    [Fact]
    public void A_replication_simulates_its_drawn_parameters()
    {
        var s = ScenarioLoader.Load(_files.Write("g.json", """
            { "value_added": { "gdp_growth": { "dist": "uniform", "min": 0.0, "max": 0.3 }, "gdp_noise_sd": 0 } }
            """), TestConfig.Dir, 0.002);
        double gdp = s.Parameters.ValueAdded.GdpInitial;
        for (int r = 0; r < 3; r++)
        {
            double growth = s.Uncertainty.Draw(4, r, 2021)[0];
            var table = ReplicationRunner.Run(new WorldLayout(s.Uncertainty.ForReplication(s.Parameters, 4, r)), 4, r);
            Assert.Equal(gdp * (1 + growth), table[2022, Indicator.Gdp], 9);
            Assert.Equal(gdp * (1 + growth) * (1 + growth), table[2023, Indicator.Gdp], 9);
        }
    }

    public static TheoryData<string, double, double> Moments() => new()
    {
        // distribution, its mean and variance (MathNet's, or the closed form for truncation)
        { """{ "dist": "uniform", "min": 0.01, "max": 0.05 }""", new ContinuousUniform(0.01, 0.05).Mean, new ContinuousUniform(0.01, 0.05).Variance },
        { """{ "dist": "triangular", "min": 0.01, "mode": 0.02, "max": 0.06 }""", new Triangular(0.01, 0.06, 0.02).Mean, new Triangular(0.01, 0.06, 0.02).Variance },
        { """{ "dist": "beta", "alpha": 2, "beta": 5, "min": 0.01, "max": 0.11 }""", 0.01 + 0.1 * new Beta(2, 5).Mean, 0.01 * new Beta(2, 5).Variance },
        { """{ "dist": "lognormal", "mu": -3.5, "sigma": 0.4, "max": 1 }""", new LogNormal(-3.5, 0.4).Mean, new LogNormal(-3.5, 0.4).Variance },
        { """{ "dist": "normal", "mean": 0.03, "sd": 0.02, "min": 0, "max": 0.2 }""", TruncatedNormal(0.03, 0.02, 0, 0.2).Mean, TruncatedNormal(0.03, 0.02, 0, 0.2).Variance },
    };

    /// <summary>
    /// Over many replications, the sample mean lies within 4 standard errors of the distribution's mean
    /// (σ/√n) and the sample variance within 4 standard errors of its variance (√((μ4 − σ⁴)/n), with μ4 the
    /// sample's fourth central moment): a false failure has probability below 1e-4.
    /// </summary>
    [Theory]
    [MemberData(nameof(Moments))]
    public void Many_draws_have_the_distributions_moments(string distribution, double mean, double variance)
    {
        var s = ScenarioLoader.Load(_files.Write("m.json", $$"""{ "adoption": { "platform_boost": {{distribution}} } }"""), TestConfig.Dir);
        const int n = 20_000;
        var x = Enumerable.Range(0, n).Select(r => s.Uncertainty.Draw(11, r, 2021)[0]).ToArray();
        double m = x.Average();
        double v = x.Sum(d => (d - m) * (d - m)) / (n - 1);
        double m4 = x.Sum(d => Math.Pow(d - m, 4)) / n;
        Assert.InRange(m, mean - 4 * Math.Sqrt(variance / n), mean + 4 * Math.Sqrt(variance / n));
        double se = Math.Sqrt((m4 - variance * variance) / n);
        Assert.InRange(v, variance - 4 * se, variance + 4 * se);
        var (lower, upper) = s.Uncertainty.Parameters[0].Distribution.Support;
        Assert.All(x, d => Assert.InRange(d, lower, upper));
    }

    /// <summary>Mean and variance of N(μ, σ) truncated to [a, b] (Johnson, Kotz &amp; Balakrishnan 1994).</summary>
    private static (double Mean, double Variance) TruncatedNormal(double mu, double sigma, double a, double b)
    {
        double alpha = (a - mu) / sigma, beta = (b - mu) / sigma;
        double z = Normal.CDF(0, 1, beta) - Normal.CDF(0, 1, alpha);
        double pa = Normal.PDF(0, 1, alpha), pb = Normal.PDF(0, 1, beta);
        double mean = mu + sigma * (pa - pb) / z;
        double variance = sigma * sigma * (1 + (alpha * pa - beta * pb) / z - Math.Pow((pa - pb) / z, 2));
        return (mean, variance);
    }
}
