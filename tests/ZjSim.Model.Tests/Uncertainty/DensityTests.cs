using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Uncertainty;

/// <summary>
/// The prior densities ABC-SMC weighs its particles by: each a proper density on its (truncated) support, 0 outside
/// it, and the derivative of the CDF that Quantile inverts.
/// </summary>
public sealed class DensityTests
{
    public static TheoryData<ParameterDistribution> Distributions() => new()
    {
        new UniformDistribution(-2, 3),
        new TriangularDistribution(0, 1, 4),
        new TriangularDistribution(0, 0, 2),
        new NormalDistribution(1, 2, null, null),
        new NormalDistribution(1, 2, 0, null),
        new NormalDistribution(1, 2, 2, 4),
        new NormalDistribution(0, 1, 5, null),
        new LogNormalDistribution(0, 0.5, null, null),
        new LogNormalDistribution(1, 1, 1, 5),
        new BetaDistribution(2, 5, 0, 1),
        new BetaDistribution(0.5, 0.5, -1, 3),
        new BetaDistribution(2, 2, 10, 20),
    };

    /// <summary>
    /// Double-exponential quadrature on pieces split at the deciles (so a triangle's kink or a beta's endpoint
    /// singularity sits at a piece's end, where the method copes). An unbounded end is cut at the 1e−12 quantile,
    /// which leaves out 1e−12 of mass; with the quadrature's 1e−10 per piece the integral is 1 within 1e−7.
    /// </summary>
    [Theory]
    [MemberData(nameof(Distributions))]
    public void Each_density_integrates_to_one_over_its_support(ParameterDistribution d)
    {
        var (lower, upper) = d.Support;
        double a = double.IsFinite(lower) && !(d is LogNormalDistribution && lower == 0) ? lower : d.Quantile(1e-12);
        double b = double.IsFinite(upper) ? upper : d.Quantile(1 - 1e-12);
        var cuts = new List<double> { a };
        foreach (double q in new[] { 0.1, 0.5, 0.9 }) cuts.Add(d.Quantile(q));
        if (d is TriangularDistribution t) cuts.Add(t.Mode);
        cuts.Add(b);
        cuts = cuts.Distinct().Order().ToList();
        double total = 0;
        for (int i = 0; i + 1 < cuts.Count; i++)
            total += MathNet.Numerics.Integrate.DoubleExponential(d.Density, cuts[i], cuts[i + 1], 1e-10);
        Assert.InRange(total, 1 - 1e-7, 1 + 1e-7);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Each_density_is_zero_outside_its_support(ParameterDistribution d)
    {
        var (lower, upper) = d.Support;
        double width = d.Quantile(0.95) - d.Quantile(0.05);
        if (double.IsFinite(lower))
        {
            Assert.Equal(0, d.Density(lower - 1e-6 * width));
            Assert.Equal(0, d.Density(lower - width));
            Assert.Equal(double.NegativeInfinity, d.LogDensity(lower - width));
        }
        if (double.IsFinite(upper))
        {
            Assert.Equal(0, d.Density(upper + 1e-6 * width));
            Assert.Equal(double.NegativeInfinity, d.LogDensity(upper + width));
        }
        Assert.Equal(0, d.Density(double.NaN));
    }

    /// <summary>
    /// f(Q(u)) = 1 / Q'(u). The central difference with h = 1e−5 has a truncation error of order h² Q'''/Q' (below
    /// 1e−8 relative here) and a rounding error of order 1e−16 / h, so 1e−5 relative is a loose bound.
    /// </summary>
    [Theory]
    [MemberData(nameof(Distributions))]
    public void Each_density_is_the_derivative_of_the_cdf_that_quantile_inverts(ParameterDistribution d)
    {
        const double h = 1e-5;
        foreach (double u in new[] { 0.03, 0.2, 0.5, 0.8, 0.97 })
        {
            double fromQuantile = 2 * h / (d.Quantile(u + h) - d.Quantile(u - h));
            double density = d.Density(d.Quantile(u));
            Assert.True(Math.Abs(density / fromQuantile - 1) < 1e-5, $"{d} at u = {u}: density {density}, 1/Q'(u) {fromQuantile}");
            Assert.Equal(Math.Log(density), d.LogDensity(d.Quantile(u)), 1e-10);
        }
    }

    [Fact]
    public void A_truncated_normal_is_renormalised_by_the_mass_it_keeps()
    {
        var full = new NormalDistribution(1, 2, null, null);
        var half = new NormalDistribution(1, 2, 1, null);
        Assert.Equal(2 * full.Density(1.7), half.Density(1.7), 1e-14);
        Assert.Equal(0, half.Density(0.99));
    }
}
