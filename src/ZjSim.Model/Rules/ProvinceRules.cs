using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// Province-level flows. Value added is built from the bottom:
///   core_t  = κ_core · Σ output of the digital sector's clusters      (κ_core fixed by the base year: core_0 / Σ output_0)
///   ind_t   = Σ_c output_c · r_VA · Σ_L share^R_c,L · u_L              (industrial digitalisation by the modelled enterprises
///                                                                       of the clusters outside the digital sector)
///   other_t = other_{t−1} · (1 + g_other + σ_o·z)                      (the digitalisation the agents do not build)
///   DE_t    = core_t + ind_t + other_t                                  (other_0 = DE_0 − core_0 − ind_0)
///   GDP_t   = GDP_{t−1} · (1 + g_GDP + σ_G·z)
/// where share^R_c,L is the revenue-weighted share of cluster c's enterprises at level L and u_L the digital share of
/// value added at level L. Science: projects ~ Binomial(planned, realisation); each yields an achievement with
/// achievement_yield.
/// </summary>
public static class ProvinceRules
{
    /// <summary>Industrial digitalisation by one cluster's enterprises (billion yuan).</summary>
    public static double IndustrialDigitalisation(ValueAddedParameters v, double output, ClusterTally tally, double[] bandMeanRevenue)
    {
        double revenue = tally.RevenueWeighted(bandMeanRevenue, Ones);
        if (revenue <= 0) return 0;
        return output * v.IndustryValueAddedRatio * tally.RevenueWeighted(bandMeanRevenue, v.LevelUplift) / revenue;
    }

    private static readonly double[] Ones = [1, 1, 1, 1, 1];

    /// <summary>x_t = x_{t−1} · (1 + growth + sd · z), never negative; draw <paramref name="drawIndex"/> of the year's GDP stream.</summary>
    public static double Grow(double value, double growth, double sd, int drawIndex, int year, ulong seed, int replication)
    {
        double z = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.ProvinceGdp).Normal(drawIndex);
        return Math.Max(0, value * (1 + growth + sd * z));
    }

    /// <summary>Projects launched ~ Binomial(projects_planned, realisation); each yields an achievement with achievement_yield.</summary>
    public static (int Projects, int Achievements) Science(ScienceParameters s, int year, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.Science);
        int planned = (int)Math.Round(s.ProjectsPlanned, MidpointRounding.AwayFromZero);
        int projects = 0, achievements = 0;
        for (int i = 0; i < planned; i++)
        {
            var (uLaunch, uYield) = rs.UniformPair(i);
            if (uLaunch >= s.Realisation) continue;
            projects++;
            if (uYield < s.AchievementYield) achievements++;
        }
        return (projects, achievements);
    }
}
