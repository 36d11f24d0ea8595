using ZjSim.Model.Agents;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// Level transitions. For an enterprise of size s at level L &lt; 4, revenue band b, city tier t and brain connection c:
///   m  = exp(β·ln(centre_b / size_line)) · city_tier_multiplier[t] · sector_p_multiplier[sector]
///   F  = (1 − ω)·F_cluster(≥L+1) + ω·F_sector(≥L+1)
///   h₀ = clamp01( p[L][s]·m + q[L]·F + w[L]·(platform_boost·P + c·brain_effect) )
///   h  = h₀ + (1 − h₀)·g[s][L]
/// where F are the shares already at level L+1 or above at the start of the year (in the cluster, and in the sector
/// province-wide), brain_effect is what the sector's brains give a connected enterprise, and g is the government's
/// campaign probability (an offer of support, accepted). The campaign is a second, independent route up, so the two
/// combine as 1 − (1 − h₀)(1 − g) and never pass 1. With β = 0, unit multipliers, ω = 0 and no boost or campaign,
/// the 0→1 transition is the discrete-time Bass model in each cluster: N(t+1) − N(t) ~ Binomial(M − N(t), p + q·N(t)/M).
/// </summary>
public static class AdoptionRule
{
    public static double Hazard(double p, double q, double shareAtNextLevel, double boosts) =>
        Math.Clamp(p + q * shareAtNextLevel + boosts, 0.0, 1.0);

    /// <summary>The campaign's route combined with the others: 1 − (1 − h₀)(1 − g).</summary>
    public static double WithCampaign(double hazard, double campaign) => campaign <= 0 ? hazard : hazard + (1 - hazard) * campaign;

    /// <summary>Resolves a cluster-year's hazards, one per <see cref="EnterpriseRules.HazardIndex"/>, from start-of-year shares.</summary>
    /// <param name="into">An array of <see cref="StepContext.HazardEntries"/> to write the hazards into (cleared first) instead of a new
    /// one: the batch population reuses one each cluster-year (4 KB a cluster-year, most of what a replication allocated). Only
    /// for a context nobody keeps beyond the year.</param>
    public static StepContext Resolve(int year, WorldLayout world, ClusterSpec cluster, ClusterTally start, bool hasPlatform, ClusterDirective directive,
        double[]? into = null)
    {
        var prm = world.Parameters;
        var a = prm.Adoption;
        double[] hazards;
        if (into is { Length: StepContext.HazardEntries })
        {
            Array.Clear(into);
            hazards = into;
        }
        else hazards = new double[StepContext.HazardEntries];
        int total = start.Total;
        double omega = a.SectorPeerWeight;
        Span<double> peer = stackalloc double[4];
        for (int level = 0; level < 4; level++)
        {
            double own = total == 0 ? 0 : (double)start.AtLeast(level + 1) / total;
            peer[level] = omega == 0 ? own : (1 - omega) * own + omega * directive.SectorShares[level];
        }
        double platform = hasPlatform ? a.PlatformBoost : 0;
        int bands = world.BandCentres.Length;
        for (int band = 0; band < bands; band++)
        {
            var size = band >= world.FirstAboveSizeBand ? SizeClass.AboveSize : SizeClass.KeySme;
            for (int tier = 0; tier < a.CityTierMultiplier.Length; tier++)
            {
                double m = world.BandPropensity[band] * a.CityTierMultiplier[tier] * cluster.SectorPMultiplier;
                for (int connected = 0; connected < 2; connected++)
                {
                    double boosts = platform + (connected == 1 ? directive.BrainEffect : 0);
                    for (int level = 0; level < MaturityLevel.Future; level++)
                    {
                        double h = Hazard(a.P[level][size] * m, a.Q[level], peer[level], a.LevelBoostWeight[level] * boosts);
                        hazards[level | (band << 3) | (tier << 6) | (connected << 8)] = WithCampaign(h, directive.Campaign[(int)size * 4 + level]);
                    }
                }
            }
        }
        return new StepContext(year, hazards, directive.SmartGrant, directive.FutureGrant, directive.Onboard);
    }
}
