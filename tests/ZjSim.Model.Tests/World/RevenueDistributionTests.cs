using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.World;

/// <summary>Revenue is a lognormal cut at the size line, its above-size mean fixed by the province's total.</summary>
public class RevenueDistributionTests
{
    private static WorldLayout Baseline => TestConfig.World();

    [Theory]
    [InlineData(1.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Above_size_mean_is_the_provinces_total_over_its_enterprises(double sigma)
    {
        var prm = TestConfig.Scenario().Parameters;
        prm = prm with { World = prm.World with { Revenue = prm.World.Revenue with { Sigma = sigma } } };
        var world = new WorldLayout(prm);
        double expected = prm.World.Revenue.AboveSizeTotal * 1000 / prm.World.AboveSizeEnterprises;
        Assert.Equal(1, world.AboveSizeRevenue.Mean / expected, 1e-6);
        Assert.Equal(prm.World.Revenue.SizeLine, world.AboveSizeRevenue.Lower);
        Assert.Equal(prm.World.Revenue.SizeLine, world.KeySmeRevenue.Upper);
    }

    /// <summary>Uniforms across [0, 1), crowded at both ends and around the size line's quantile.</summary>
    private static IEnumerable<double> Uniforms()
    {
        var rng = new System.Random(3);
        for (int i = 0; i < 100_000; i++) yield return rng.NextDouble();
        for (int k = 1; k <= 60; k++)
        {
            yield return Math.Pow(2, -k);
            yield return 1 - Math.Pow(2, -Math.Min(k, 53));
        }
        yield return 0;
        for (long j = 1; j <= 4096; j++) yield return 1 - j * Math.Pow(2, -53);
    }

    [Fact]
    public void No_draw_crosses_the_size_line_and_its_band_is_the_one_its_bounds_give()
    {
        var world = Baseline;
        double line = world.Parameters.World.Revenue.SizeLine;
        var bounds = world.BandBounds;
        foreach (double u in Uniforms())
        {
            foreach (var size in new[] { SizeClass.AboveSize, SizeClass.KeySme })
            {
                double revenue = EnterpriseRules.Revenue(world, size, u);
                Assert.True(double.IsFinite(revenue) && revenue >= 0, $"revenue {revenue} at u = {u:R}");
                if (size == SizeClass.AboveSize) Assert.True(revenue >= line, $"an above-size draw of {revenue:R} below the line at u = {u:R}");
                else Assert.True(revenue < line, $"a key-SME draw of {revenue:R} at or above the line at u = {u:R}");
                int band = EnterpriseRules.Band(world, size, revenue);
                Assert.Equal(world.Band(revenue), band);   // the rule's guard at the line never has to act
                if (band > 0) Assert.True(revenue >= bounds[band - 1]);
                if (band < bounds.Length) Assert.True(revenue < bounds[band]);
                Assert.Equal(size == SizeClass.AboveSize, band >= world.FirstAboveSizeBand);
            }
        }
    }

    [Fact]
    public void Revenue_rises_with_the_uniform()
    {
        var world = Baseline;
        foreach (var size in new[] { SizeClass.AboveSize, SizeClass.KeySme })
        {
            double previous = 0;
            for (int i = 0; i < 100_000; i++)
            {
                double revenue = world.Revenue(size).Revenue(i / 100_000.0);
                Assert.True(revenue >= previous);
                previous = revenue;
            }
        }
    }

    /// <summary>
    /// The mean of 400,000 draws from the enterprises' own streams lies within 4 standard errors of the distribution's
    /// mean; the standard error from the cut lognormal's second moment, E[X²] = e^(2μ+2σ²)·(Φ(b−2σ) − Φ(a−2σ)) / mass.
    /// </summary>
    [Theory]
    [InlineData(SizeClass.AboveSize)]
    [InlineData(SizeClass.KeySme)]
    public void Simulated_mean_revenue_is_within_four_standard_errors_of_the_mean(SizeClass size)
    {
        var d = Baseline.Revenue(size);
        const int n = 400_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var (_, u) = new RandomStream(9, 0, i, 2021, Purpose.EnterpriseInit).UniformPair(0);
            sum += d.Revenue(u);
        }
        double mean = sum / n;
        double Phi(double x, double shift) => x <= 0 ? 0 : double.IsPositiveInfinity(x) ? 1
            : MathNet.Numerics.Distributions.Normal.CDF(0, 1, (Math.Log(x) - d.Mu - shift) / d.Sigma);
        double mass = Phi(d.Upper, 0) - Phi(d.Lower, 0);
        double second = Math.Exp(2 * d.Mu + 2 * d.Sigma * d.Sigma) * (Phi(d.Upper, 2 * d.Sigma * d.Sigma) - Phi(d.Lower, 2 * d.Sigma * d.Sigma)) / mass;
        double se = Math.Sqrt((second - d.Mean * d.Mean) / n);
        Assert.InRange(mean, d.Mean - 4 * se, d.Mean + 4 * se);
    }

    [Fact]
    public void Band_means_lie_inside_their_bands_and_share_of_draws_matches_AtLeast()
    {
        var world = Baseline;
        var b = world.BandBounds;
        for (int band = 0; band < world.BandMeanRevenue.Length; band++)
        {
            double lo = band == 0 ? 0 : b[band - 1], hi = band == b.Length ? double.PositiveInfinity : b[band];
            Assert.InRange(world.BandMeanRevenue[band], lo, hi);
        }
        // P(revenue ≥ 160) among above-size draws: a binomial proportion, 4 sd.
        var d = world.AboveSizeRevenue;
        const int n = 200_000;
        int reached = 0;
        for (int i = 0; i < n; i++) if (d.Revenue(new RandomStream(2, 0, i, 2021, Purpose.EnterpriseInit).Uniform(0)) >= 160) reached++;
        double p = d.AtLeast(160), sd = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange(reached / (double)n, p - 4 * sd, p + 4 * sd);
    }
}
