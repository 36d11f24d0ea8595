using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Analysis;

/// <summary>Confidence intervals for a binomial proportion k/n (the probability a goal is met).</summary>
public static class Proportion
{
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval (Wilson 1927; method 3 of Newcombe 1998).</summary>
    public static Interval Wilson(int k, int n, double z = Z95)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "needs at least one trial");
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k));
        double p = (double)k / n, z2 = z * z;
        double centre = (k + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.Sqrt(k * (n - k) / (double)n + z2 / 4);
        return new Interval(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Clopper–Pearson "exact" interval from Beta quantiles (method 5 of Newcombe 1998).</summary>
    public static Interval ClopperPearson(int k, int n, double alpha = 0.05)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "needs at least one trial");
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k));
        double lower = k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, alpha / 2);
        double upper = k == n ? 1 : Beta.InvCDF(k + 1, n - k, 1 - alpha / 2);
        return new Interval((double)k / n, lower, upper);
    }
}
