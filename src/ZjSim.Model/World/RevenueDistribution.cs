using MathNet.Numerics.Distributions;

namespace ZjSim.Model.World;

/// <summary>
/// Revenue (million yuan) of one size class: a lognormal(μ, σ) cut to [<see cref="Lower"/>, <see cref="Upper"/>), drawn
/// by inversion so that one uniform gives one revenue and revenue rises with the uniform. The cut is the statistical
/// definition: an above-size enterprise has at least the size line, a key SME less.
/// </summary>
public sealed class RevenueDistribution
{
    private readonly double _cdfLower, _cdfWidth;

    public double Mu { get; }
    public double Sigma { get; }
    public double Lower { get; }
    public double Upper { get; }

    public RevenueDistribution(double mu, double sigma, double lower, double upper)
    {
        Mu = mu;
        Sigma = sigma;
        Lower = lower;
        Upper = upper;
        _cdfLower = Cdf(lower);
        _cdfWidth = Cdf(upper) - _cdfLower;
    }

    /// <summary>The above-size class: cut below at the size line, μ chosen so that the mean is <paramref name="mean"/>.</summary>
    public static RevenueDistribution WithMean(double mean, double sigma, double lower)
    {
        double lo = Math.Log(lower) - 40 * sigma, hi = Math.Log(Math.Max(mean, lower)) + 1;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (new RevenueDistribution(mid, sigma, lower, double.PositiveInfinity).Mean < mean) lo = mid; else hi = mid;
        }
        return new RevenueDistribution((lo + hi) / 2, sigma, lower, double.PositiveInfinity);
    }

    /// <summary>Revenue at the uniform <paramref name="u"/> in [0, 1).</summary>
    public double Revenue(double u)
    {
        double p = _cdfLower + Math.Max(u, double.Epsilon) * _cdfWidth;
        double z = Normal.InvCDF(0, 1, Math.Clamp(p, double.Epsilon, 1 - 1e-16));
        return Math.Clamp(Math.Exp(Mu + Sigma * z), Lower, Upper);
    }

    /// <summary>P(revenue ≥ x) within the cut.</summary>
    public double AtLeast(double x)
    {
        if (x <= Lower) return 1;
        if (x >= Upper) return 0;
        return _cdfWidth <= 0 ? 0 : (_cdfLower + _cdfWidth - Cdf(x)) / _cdfWidth;
    }

    public double Mean => MeanBetween(Lower, Upper);

    /// <summary>E[revenue | lo ≤ revenue &lt; hi] within the cut (the partial moments of the lognormal).</summary>
    public double MeanBetween(double lo, double hi)
    {
        lo = Math.Max(lo, Lower);
        hi = Math.Min(hi, Upper);
        if (hi <= lo) return 0;
        double mass = Cdf(hi) - Cdf(lo);
        if (mass <= 0) return Math.Sqrt(Math.Max(lo, 1e-9) * (double.IsInfinity(hi) ? lo * 4 : hi));
        double shifted = Phi(hi, Sigma * Sigma) - Phi(lo, Sigma * Sigma);
        return Math.Exp(Mu + Sigma * Sigma / 2) * shifted / mass;
    }

    private double Cdf(double x) => x <= 0 ? 0 : double.IsPositiveInfinity(x) ? 1 : Normal.CDF(0, 1, (Math.Log(x) - Mu) / Sigma);
    private double Phi(double x, double shift) => x <= 0 ? 0 : double.IsPositiveInfinity(x) ? 1 : Normal.CDF(0, 1, (Math.Log(x) - Mu - shift) / Sigma);
}
