using ZjSim.Model.Random;
using ZjSim.Model.Rules;

namespace ZjSim.Model.Simulation;

/// <summary>
/// Whether an enterprise's base-year revenue reaches a title's minimum, decided from its revenue draw
/// k (u = k·2⁻⁵³) without evaluating the inverse normal CDF for nearly every enterprise.
/// Revenue increases with u, so two cuts split the draws: below the lower one revenue is under
/// min·(1 − δ), above the upper one over min·(1 + δ). Those margins dwarf any rounding in the formula,
/// so the verdict there is certain; draws between the cuts (a share of about δ) use the exact formula of
/// <see cref="EnterpriseRules.Revenue"/>, so every verdict equals the rule's.
/// </summary>
internal sealed class RevenueCut
{
    private const double Margin = 1e-5;
    private readonly double _mean, _sigma, _min;
    private readonly ulong _lower, _upper;

    /// <summary>Draws below it never reach the minimum.</summary>
    public ulong Lower => _lower;
    /// <summary>Draws from it on always reach the minimum; between the two the exact formula decides.</summary>
    public ulong Upper => _upper;

    public RevenueCut(double meanRevenue, double sigma, double minRevenue)
    {
        _mean = meanRevenue;
        _sigma = sigma;
        _min = minRevenue;
        // Revenue is never negative, so a minimum of zero or less is always reached.
        _lower = minRevenue <= 0 ? 0 : FirstReaching(minRevenue * (1 - Margin));
        _upper = minRevenue <= 0 ? 0 : FirstReaching(minRevenue * (1 + Margin));
    }

    public bool Reaches(ulong k) => k >= _upper || (k >= _lower && Exact(k));

    /// <summary>The rule's own comparison, revenue ≥ minimum.</summary>
    public bool Exact(ulong k) => EnterpriseRules.Revenue(_mean, _sigma, k * (1.0 / DrawThreshold.Always)) >= _min;

    /// <summary>Share of draws decided by the exact formula (for the benchmark's notes).</summary>
    public double ExactShare => (double)(_upper - _lower) / DrawThreshold.Always;

    /// <summary>Smallest k whose revenue reaches <c>level</c>, by bisection over k (Always when none does).</summary>
    private ulong FirstReaching(double level)
    {
        ulong lo = 0, hi = DrawThreshold.Always;
        while (lo < hi)
        {
            ulong mid = lo + (hi - lo) / 2;
            if (EnterpriseRules.Revenue(_mean, _sigma, mid * (1.0 / DrawThreshold.Always)) >= level) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
