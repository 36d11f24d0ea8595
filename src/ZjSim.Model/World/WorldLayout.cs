using MathNet.Numerics.Distributions;
using ZjSim.Model.Agents;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.World;

/// <summary>
/// The synthetic province built from parameters alone (no randomness): clusters, how many enterprises
/// each holds at the chosen scale, and derived constants such as initial title probabilities.
/// Per-enterprise attributes are drawn later from each replication's streams.
/// </summary>
public sealed class WorldLayout
{
    public ModelParameters Parameters { get; }
    public IReadOnlyList<ClusterSpec> Clusters { get; }
    public int EnterpriseCount { get; }
    public double Scale => Parameters.World.Scale;
    /// <summary>Probability that an enterprise eligible in the base year already holds the title.</summary>
    public double InitialSmartProbability { get; }
    public double InitialFutureProbability { get; }

    public WorldLayout(ModelParameters parameters)
    {
        Parameters = parameters;
        var w = parameters.World;
        var expanded = w.Clusters.SelectMany(c => c.Count == 1
            ? [c]
            : Enumerable.Range(1, c.Count).Select(i => c with { Name = $"{c.Name}-{i:00}", Count = 1 })).ToList();

        double totalOutput = expanded.Sum(c => c.Output);
        double unscaledTotal = w.AboveSizeEnterprises + w.KeySmeEnterprises;
        var clusters = new List<ClusterSpec>(expanded.Count);
        int next = 0;
        for (int i = 0; i < expanded.Count; i++)
        {
            var c = expanded[i];
            // Assumption: enterprises are spread over clusters in proportion to output value.
            double weight = totalOutput > 0 ? c.Output / totalOutput : 1.0 / expanded.Count;
            int above = (int)Math.Round(w.AboveSizeEnterprises * w.Scale * weight, MidpointRounding.AwayFromZero);
            int sme = (int)Math.Round(w.KeySmeEnterprises * w.Scale * weight, MidpointRounding.AwayFromZero);
            double meanRevenue = unscaledTotal * weight > 0 ? c.Output * 1000.0 / (unscaledTotal * weight) : 0;
            double mult = parameters.Adoption.SectorPMultiplier[c.Sector];
            clusters.Add(new ClusterSpec(i, c.Name, c.Sector, c.Tier, c.Output, c.DigitalEconomy, above, sme, next, meanRevenue, mult));
            next += above + sme;
        }
        Clusters = clusters;
        EnterpriseCount = next;

        var smart = parameters.SmartFactory;
        var future = parameters.FutureFactory;
        double sigma = w.RevenueSigma;
        double eligibleSmart = 0, eligibleFutureBeforeSmart = 0;
        foreach (var c in clusters)
        {
            eligibleSmart += c.AboveSizeCount * ShareAtLeast(smart.MinLevel) * RevenueAtLeast(smart.MinRevenue, c.MeanRevenue, sigma);
            eligibleFutureBeforeSmart += c.AboveSizeCount * ShareAtLeast(Math.Max(future.MinLevel, future.RequiresSmartFactory ? smart.MinLevel : 0))
                * RevenueAtLeast(Math.Max(future.MinRevenue, future.RequiresSmartFactory ? smart.MinRevenue : 0), c.MeanRevenue, sigma);
        }
        InitialSmartProbability = Ratio(smart.InitialCount * w.Scale, eligibleSmart);
        double eligibleFuture = eligibleFutureBeforeSmart * (future.RequiresSmartFactory ? InitialSmartProbability : 1);
        InitialFutureProbability = Ratio(future.InitialCount * w.Scale, eligibleFuture);
    }

    public ClusterSpec ClusterOfEnterprise(int enterpriseId)
    {
        int lo = 0, hi = Clusters.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Clusters[mid].FirstEnterpriseId <= enterpriseId) lo = mid; else hi = mid - 1;
        }
        return Clusters[lo];
    }

    private double ShareAtLeast(int level)
    {
        double share = 0;
        for (int l = level; l < MaturityLevel.Count; l++) share += Parameters.World.InitialLevelShares[l].AboveSize;
        return share;
    }

    /// <summary>P(revenue ≥ min) for revenue = mean · LogNormal(−σ²/2, σ).</summary>
    internal static double RevenueAtLeast(double min, double mean, double sigma)
    {
        if (min <= 0) return 1;
        if (mean <= 0) return 0;
        if (sigma == 0) return mean >= min ? 1 : 0;
        return 1 - Normal.CDF(0, 1, (Math.Log(min / mean) + sigma * sigma / 2) / sigma);
    }

    private static double Ratio(double wanted, double expected) => expected <= 0 ? 0 : Math.Min(1, wanted / expected);
}
