using System.Runtime.CompilerServices;
using ZjSim.Model.Random;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// Whether an enterprise's base-year revenue reaches a line, decided from its revenue draw k (u = k·2⁻⁵³) without
/// evaluating the inverse normal CDF for nearly every enterprise. Revenue rises with u, so two cuts split the draws:
/// below the lower one revenue is under line·(1 − δ), from the upper one on it is over line·(1 + δ). Those margins dwarf
/// any rounding in the formula, so the verdict there is certain; draws between the cuts use the exact formula of
/// <see cref="RevenueDistribution.Revenue"/>, so every verdict equals the rule's.
/// </summary>
internal sealed class RevenueCut
{
    private const double Margin = 1e-5;
    private readonly RevenueDistribution _revenue;
    private readonly double _line;
    private readonly ulong _lower, _upper;

    public RevenueCut(RevenueDistribution revenue, double line)
    {
        _revenue = revenue;
        _line = line;
        // Revenue is never negative, so a line of zero or less is always reached; an infinite one never is.
        _lower = line <= 0 ? 0 : FirstReaching(line * (1 - Margin));
        _upper = line <= 0 ? 0 : FirstReaching(line * (1 + Margin));
    }

    // One rarely taken branch, for the draws between the cuts; elsewhere k ≥ upper decides (a compare, not a branch).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Reaches(ulong k) => k - _lower < _upper - _lower ? Exact(k) : k >= _upper;

    /// <summary>The rule's own comparison, revenue ≥ line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]   // rare: kept out of the kernel's loop
    public bool Exact(ulong k) => _revenue.Revenue(k * (1.0 / DrawThreshold.Always)) >= _line;

    /// <summary>Share of draws decided by the exact formula (for the benchmark's notes).</summary>
    public double ExactShare => (double)(_upper - _lower) / DrawThreshold.Always;

    /// <summary>Smallest k whose revenue reaches <c>level</c>, by bisection over k (Always when none does).</summary>
    private ulong FirstReaching(double level)
    {
        if (double.IsPositiveInfinity(level)) return DrawThreshold.Always;
        ulong lo = 0, hi = DrawThreshold.Always;
        while (lo < hi)
        {
            ulong mid = lo + (hi - lo) / 2;
            if (_revenue.Revenue(mid * (1.0 / DrawThreshold.Always)) >= level) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
