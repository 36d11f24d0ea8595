using MathNet.Numerics.Distributions;
using ZjSim.Model.Analysis;

namespace ZjSim.Model.Tests.Analysis;

public sealed class CrpsTests
{
    [Fact]
    public void A_small_ensemble_by_hand()
    {
        // {1, 2, 4}, y = 3: E|X − y| = (2 + 1 + 1)/3 = 4/3; E|X − X′| = (2/9)(1 + 3 + 2) = 4/3; CRPS = 4/3 − 2/3 = 2/3,
        // which is also ∫(F − 1{x ≥ 3})² = 1/9 + 4/9 + 1/9.
        Assert.Equal(2.0 / 3, Crps.Of([1, 2, 4], 3), 14);
        // Weighted ½, ¼, ¼: E|X − y| = 1.5, E|X − X′| = 2(⅛·1 + ⅛·3 + 1/16·2) = 1.25, CRPS = 0.875 = ¼ + 9/16 + 1/16.
        Assert.Equal(0.875, Crps.Of([1, 2, 4], [0.5, 0.25, 0.25], 3), 14);
        // Integer weights are repeated members; order and scale of the weights do not matter.
        Assert.Equal(Crps.Of([1, 1, 2, 4], 3), Crps.Of([4, 1, 2], [1, 2, 1], 3), 14);
        // One member: the absolute error. A point mass on the observation: zero.
        Assert.Equal(2.5, Crps.Of([0.5], 3), 14);
        Assert.Equal(0, Crps.Of([2, 2, 2], 2), 14);
        // A member without a value is left out.
        Assert.Equal(2.0 / 3, Crps.Of([1, double.NaN, 2, 4], 3), 14);
    }

    [Fact]
    public void The_sorted_form_equals_the_double_sum()
    {
        var random = new System.Random(11);
        var x = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();   // with ties
        var w = x.Select(_ => random.NextDouble()).ToArray();
        double total = w.Sum(), y = 4.2;
        double direct = 0, pairs = 0;
        for (int i = 0; i < x.Length; i++)
        {
            direct += w[i] / total * Math.Abs(x[i] - y);
            for (int j = 0; j < x.Length; j++) pairs += w[i] * w[j] / (total * total) * Math.Abs(x[i] - x[j]);
        }
        Assert.Equal(direct - pairs / 2, Crps.Of(x, w, y), 12);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(2.5)]
    public void A_large_normal_ensemble_scores_as_the_normal_closed_form(double z)
    {
        const double mu = 3, sigma = 2;
        const int n = 200_000;
        double y = mu + z * sigma;
        var sample = new double[n];
        new Normal(mu, sigma, new System.Random(2007)).Samples(sample);

        double estimate = Crps.Of(sample, y);
        double exact = Crps.OfNormal(mu, sigma, y);

        // Monte Carlo error: the estimate is a V-statistic whose first-order term is the mean of
        // g(X) = |X − y| − E′|X − X′|, with E′|x − X′| = σ[u(2Φ(u) − 1) + 2φ(u)], u = (x − μ)/σ, for a normal X′;
        // its sd is sd(g)/√n. The V-statistic's bias is −½E|X − X′|/n = −σ/(√π n). Allow 4 sd plus the bias.
        var g = sample.Select(x =>
        {
            double u = (x - mu) / sigma;
            return Math.Abs(x - y) - sigma * (u * (2 * Normal.CDF(0, 1, u) - 1) + 2 * Normal.PDF(0, 1, u));
        }).ToArray();
        double mean = g.Average();
        double sd = Math.Sqrt(g.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double tolerance = 4 * sd / Math.Sqrt(n) + sigma / (Math.Sqrt(Math.PI) * n);
        Assert.InRange(estimate, exact - tolerance, exact + tolerance);
        Assert.True(tolerance < 0.02 * exact, $"tolerance {tolerance} is too loose to test anything against {exact}");
    }

    [Fact]
    public void The_normal_closed_form_at_its_centre()
    {
        // z = 0: σ (2φ(0) − 1/√π) = σ (√2 − 1)/√π.
        Assert.Equal(2 * (Math.Sqrt(2) - 1) / Math.Sqrt(Math.PI), Crps.OfNormal(5, 2, 5), 14);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Crps.Of([], 1));
        Assert.Throws<ArgumentException>(() => Crps.Of([1, 2], [1], 1));
        Assert.Throws<ArgumentException>(() => Crps.Of([1, 2], [1, -1], 1));
        Assert.Throws<ArgumentException>(() => Crps.Of([1, 2], [0, 0], 1));
        Assert.Throws<ArgumentException>(() => Crps.Of([1, 2], double.NaN));
    }
}
