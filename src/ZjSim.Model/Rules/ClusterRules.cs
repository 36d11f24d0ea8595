using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>The cluster's own yearly rules: gaining an industrial internet platform, and output growth.</summary>
public static class ClusterRules
{
    /// <summary>Whether the cluster already has a platform in the base year (probability by tier).</summary>
    public static bool InitialPlatform(ModelParameters prm, ClusterSpec c, ulong seed, int replication) =>
        new RandomStream(seed, replication, EntityIds.Cluster(c.Index), prm.Years.BaseYear, Purpose.PlatformInit).Uniform(0)
            < prm.Platforms.InitialShare[c.Tier];

    /// <summary>
    /// A cluster without a platform gains one with probability min(1, yearly_probability[tier] + demand_effect · F(≥2)):
    /// the provincial programme (policy) plus its own enterprises' demand (the share at level 2 or above at the start of the year).
    /// </summary>
    public static bool GainsPlatform(ModelParameters prm, ClusterSpec c, ClusterTally start, int year, ulong seed, int replication)
    {
        double demand = start.Total == 0 ? 0 : (double)start.AtLeast(MaturityLevel.Networked) / start.Total;
        double probability = Math.Min(1, prm.Platforms.YearlyProbability[c.Tier] + prm.Platforms.DemandEffect * demand);
        return new RandomStream(seed, replication, EntityIds.Cluster(c.Index), year, Purpose.PlatformStep).Uniform(0) < probability;
    }

    /// <summary>
    /// Output grows at the tier's base rate (plus digital_growth in the digital sector), plus a productivity effect of
    /// the change in the cluster's adoption index, plus normal noise.
    /// </summary>
    public static double NextOutput(ModelParameters prm, ClusterSpec c, double output, double adoptionChange, int year, ulong seed, int replication)
    {
        var o = prm.ClusterOutput;
        double z = new RandomStream(seed, replication, EntityIds.Cluster(c.Index), year, Purpose.ClusterOutput).Normal(0);
        double growth = o.Growth[c.Tier] + (c.IsDigitalSector ? o.DigitalGrowth : 0) + o.AdoptionElasticity * adoptionChange + o.NoiseSd * z;
        return Math.Max(0, output * (1 + growth));
    }
}
