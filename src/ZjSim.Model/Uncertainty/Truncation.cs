using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// Inversion of a normal CDF truncated to [lower, upper] (either may be infinite): the uniform is mapped
/// into [Φ(a), Φ(b)] and inverted, so a truncated draw still takes exactly one uniform.
/// </summary>
public static class Truncation
{
    /// <summary>The least probability mass a truncation may keep; less would make the inversion meaningless.</summary>
    public const double MinimumMass = 1e-9;

    public static double StandardNormalMass(double a, double b) => b > 0 && a > 0
        ? Normal.CDF(0, 1, -a) - Normal.CDF(0, 1, -b)
        : Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a);

    /// <summary>The standard normal quantile at u of N(0, 1) truncated to [a, b].</summary>
    public static double StandardNormalQuantile(double a, double b, double u)
    {
        // In the upper tail, work on the mirror image: Φ near 1 loses the digits that Φ near 0 keeps.
        if (a > 0) return -StandardNormalQuantile(-b, -a, 1 - u);
        double fa = Normal.CDF(0, 1, a), fb = Normal.CDF(0, 1, b);
        return Normal.InvCDF(0, 1, fa + u * (fb - fa));
    }
}
