using ZjSim.Model.Agents;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// Level transitions with a hazard of Bass form. For an enterprise of size s at level L &lt; 4:
///   h = clamp01( p[L][s]·m_sector + q[L]·F(≥L+1) + w[L]·(brain_boost·B + platform_boost·P + push[s] + subsidy[s]) )
/// where F(≥L+1) is the share of the cluster's enterprises already at level L+1 or above at the start of
/// the year. With every boost at zero, the 0→1 transition is the discrete-time Bass model in each cluster:
///   N(t+1) − N(t) ~ Binomial(M − N(t), p + q·N(t)/M).
/// </summary>
public static class AdoptionRule
{
    public static double Hazard(double p, double q, double shareAtNextLevel, double boosts) =>
        Math.Clamp(p + q * shareAtNextLevel + boosts, 0.0, 1.0);

    /// <summary>
    /// Subsidy effect of inverted-U form (Shi, Wen &amp; Zhang 2025): a·s − b·s², never negative.
    /// Applied to key-sub-sector SMEs only, whom the pilots subsidise.
    /// </summary>
    public static double SubsidyBoost(PolicyParameters policy, SizeClass size) =>
        size == SizeClass.KeySme
            ? Math.Max(0, policy.SubsidyEffectLinear * policy.SubsidyShare - policy.SubsidyEffectQuadratic * policy.SubsidyShare * policy.SubsidyShare)
            : 0;

    /// <summary>Resolves the 2×4 hazards of a cluster-year from the shares at the start of the year.</summary>
    public static StepContext Resolve(int year, ModelParameters prm, ClusterSpec cluster, ClusterTally start, bool brainServed, bool hasPlatform)
    {
        var a = prm.Adoption;
        var hazards = new double[8];
        int total = start.Total;
        foreach (SizeClass s in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
        {
            double boosts = (brainServed ? a.BrainBoost : 0) + (hasPlatform ? a.PlatformBoost : 0)
                + prm.Policy.Push[s] + SubsidyBoost(prm.Policy, s);
            for (int level = 0; level < 4; level++)
            {
                double share = total == 0 ? 0 : (double)start.AtLeast(level + 1) / total;
                hazards[(int)s * 4 + level] = Hazard(a.P[level][s] * cluster.SectorPMultiplier, a.Q[level], share, a.LevelBoostWeight[level] * boosts);
            }
        }
        return new StepContext(year, hazards);
    }
}
