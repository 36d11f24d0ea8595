using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>Province-level flows: value added growth, science projects and innovation achievements.</summary>
public static class ProvinceRules
{
    /// <summary>V(t) = V(t−1) · (1 + base_growth + adoption_elasticity · ΔA + noise_sd · z), ΔA the change in the adoption index.</summary>
    public static double NextValue(ValueParameters v, double value, double adoptionChange, int drawIndex, int year, ulong seed, int replication)
    {
        double z = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.ProvinceValue).Normal(drawIndex);
        return Math.Max(0, value * (1 + v.BaseGrowth + v.AdoptionElasticity * adoptionChange + v.NoiseSd * z));
    }

    /// <summary>Projects launched ~ Poisson(projects_planned · realisation); each yields an achievement with achievement_yield.</summary>
    public static (int Projects, int Achievements) Science(ScienceParameters s, int year, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.Science);
        int projects = rs.Poisson(0, s.ProjectsPlanned * s.Realisation);
        int achievements = 0;
        for (int i = 0; i < projects; i++)
            if (rs.Uniform(1 + i) < s.AchievementYield) achievements++;
        return (projects, achievements);
    }
}
