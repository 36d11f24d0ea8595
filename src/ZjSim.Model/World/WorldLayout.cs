using ZjSim.Model.Agents;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.World;

/// <summary>
/// The synthetic province built from parameters alone (no randomness): clusters and how many enterprises each holds at
/// the chosen scale, sectors, cities, the revenue distributions and bands, and derived constants such as the base-year
/// title probabilities. Per-enterprise attributes are drawn later from each replication's streams.
/// </summary>
public sealed class WorldLayout
{
    /// <summary>The sector whose clusters make the core digital-economy industries.</summary>
    public const string DigitalSector = "digital";

    public ModelParameters Parameters { get; }
    public IReadOnlyList<ClusterSpec> Clusters { get; }
    public int EnterpriseCount { get; }
    public double Scale => Parameters.World.Scale;
    /// <summary>Sectors in order of first appearance among the clusters; a cluster's SectorIndex points here.</summary>
    public IReadOnlyList<string> Sectors { get; }
    public RevenueDistribution AboveSizeRevenue { get; }
    public RevenueDistribution KeySmeRevenue { get; }
    /// <summary>Revenue bands: bounds, each band's centre (geometric mean of its ends) and mean revenue.</summary>
    public double[] BandBounds { get; }
    public double[] BandCentres { get; }
    public double[] BandMeanRevenue { get; }
    /// <summary>exp(β·ln(centre / size line)) for each band: the revenue part of an enterprise's propensity.</summary>
    public double[] BandPropensity { get; }
    /// <summary>The first band of above-size enterprises (the band that starts at the size line).</summary>
    public int FirstAboveSizeBand { get; }
    /// <summary>Running sums of the cities' weights, normalised; the last is 1.</summary>
    public double[] CityCumulative { get; }
    /// <summary>[city]: the city's integration tier, from 0.</summary>
    public int[] CityTier { get; }
    /// <summary>Probability that an enterprise eligible in the base year already holds the title.</summary>
    public double InitialSmartProbability { get; }
    public double InitialFutureProbability { get; }

    public WorldLayout(ModelParameters parameters)
    {
        Parameters = parameters;
        var w = parameters.World;
        var revenue = w.Revenue;
        var expanded = w.Clusters.SelectMany(c => c.Count == 1
            ? [c]
            : Enumerable.Range(1, c.Count).Select(i => c with { Name = $"{c.Name}-{i:00}", Count = 1 })).ToList();

        var sectors = new List<string>();
        foreach (var c in expanded) if (!sectors.Contains(c.Sector)) sectors.Add(c.Sector);
        Sectors = sectors;

        double totalOutput = expanded.Sum(c => c.Output);
        var clusters = new List<ClusterSpec>(expanded.Count);
        int next = 0;
        for (int i = 0; i < expanded.Count; i++)
        {
            var c = expanded[i];
            // Assumption: enterprises are spread over clusters in proportion to output value.
            double weight = totalOutput > 0 ? c.Output / totalOutput : 1.0 / expanded.Count;
            int above = (int)Math.Round(w.AboveSizeEnterprises * w.Scale * weight, MidpointRounding.AwayFromZero);
            int sme = (int)Math.Round(w.KeySmeEnterprises * w.Scale * weight, MidpointRounding.AwayFromZero);
            double mult = parameters.Adoption.SectorPMultiplier[c.Sector];
            clusters.Add(new ClusterSpec(i, c.Name, c.Sector, sectors.IndexOf(c.Sector), c.Tier, c.Output, c.DigitalEconomy, above, sme, next, mult));
            next += above + sme;
        }
        Clusters = clusters;
        EnterpriseCount = next;

        double meanAbove = w.AboveSizeEnterprises > 0 ? revenue.AboveSizeTotal * 1000 / w.AboveSizeEnterprises : revenue.SizeLine * 2;
        AboveSizeRevenue = RevenueDistribution.WithMean(meanAbove, revenue.Sigma, revenue.SizeLine);
        KeySmeRevenue = new RevenueDistribution(Math.Log(revenue.KeySmeMedian), revenue.Sigma, 0, revenue.SizeLine);

        BandBounds = revenue.BandBounds;
        int bands = BandBounds.Length + 1;
        BandCentres = new double[bands];
        BandMeanRevenue = new double[bands];
        FirstAboveSizeBand = Array.IndexOf(BandBounds, revenue.SizeLine) + 1;
        for (int b = 0; b < bands; b++)
        {
            // The open ends are read as 1 and 4000 million yuan (an assumption MODEL.md states).
            double lo = b == 0 ? Math.Min(1, BandBounds.Length > 0 ? BandBounds[0] / 2 : 1) : BandBounds[b - 1];
            double hi = b == bands - 1 ? Math.Max(4000, lo * 2) : BandBounds[b];
            BandCentres[b] = Math.Sqrt(lo * hi);
            var dist = b >= FirstAboveSizeBand ? AboveSizeRevenue : KeySmeRevenue;
            BandMeanRevenue[b] = dist.MeanBetween(b == 0 ? 0 : BandBounds[b - 1], b == bands - 1 ? double.PositiveInfinity : BandBounds[b]);
        }

        double beta = parameters.Adoption.RevenueElasticity;
        BandPropensity = BandCentres.Select(c => beta == 0 ? 1.0 : Math.Exp(beta * Math.Log(c / revenue.SizeLine))).ToArray();

        double weights = w.Cities.Sum(c => c.Weight);
        CityCumulative = new double[w.Cities.Count];
        CityTier = new int[w.Cities.Count];
        double sum = 0;
        for (int i = 0; i < w.Cities.Count; i++)
        {
            sum += w.Cities[i].Weight;
            CityCumulative[i] = i == w.Cities.Count - 1 ? 1.0 : sum / weights;
            CityTier[i] = w.Cities[i].Tier - 1;
        }

        var smart = parameters.SmartFactory;
        var future = parameters.FutureFactory;
        double eligibleSmart = 0, eligibleFutureBeforeSmart = 0;
        foreach (var c in clusters)
            foreach (var (size, n) in (ReadOnlySpan<(SizeClass, int)>)[(SizeClass.AboveSize, c.AboveSizeCount), (SizeClass.KeySme, c.KeySmeCount)])
            {
                eligibleSmart += n * ShareAtLeast(size, smart.MinLevel) * InvestmentAtLeast(size, smart.MinInvestment);
                eligibleFutureBeforeSmart += n * ShareAtLeast(size, Math.Max(future.MinLevel, future.RequiresSmartFactory ? smart.MinLevel : 0))
                    * InvestmentAtLeast(size, Math.Max(future.MinInvestment, future.RequiresSmartFactory ? smart.MinInvestment : 0));
            }
        InitialSmartProbability = Ratio(smart.InitialCount * w.Scale, eligibleSmart);
        double eligibleFuture = eligibleFutureBeforeSmart * (future.RequiresSmartFactory ? InitialSmartProbability : 1);
        InitialFutureProbability = Ratio(future.InitialCount * w.Scale, eligibleFuture);
    }

    public RevenueDistribution Revenue(SizeClass size) => size == SizeClass.AboveSize ? AboveSizeRevenue : KeySmeRevenue;

    /// <summary>The band of a revenue: the number of bounds it reaches.</summary>
    public int Band(double revenue)
    {
        int b = 0;
        while (b < BandBounds.Length && revenue >= BandBounds[b]) b++;
        return b;
    }

    /// <summary>The city at a uniform draw: the first whose running weight exceeds it.</summary>
    public int City(double u)
    {
        for (int i = 0; i < CityCumulative.Length - 1; i++)
            if (u < CityCumulative[i]) return i;
        return CityCumulative.Length - 1;
    }

    /// <summary>The revenue an enterprise of a size class needs for its investment to reach <paramref name="minInvestment"/>.</summary>
    public double RevenueForInvestment(double minInvestment) =>
        minInvestment <= 0 ? 0 : Parameters.World.Revenue.InvestmentRatio <= 0 ? double.PositiveInfinity : minInvestment / Parameters.World.Revenue.InvestmentRatio;

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

    private double ShareAtLeast(SizeClass size, int level)
    {
        double share = 0;
        for (int l = level; l < MaturityLevel.Count; l++) share += Parameters.World.InitialLevelShares[l][size];
        return share;
    }

    private double InvestmentAtLeast(SizeClass size, double minInvestment) => Revenue(size).AtLeast(RevenueForInvestment(minInvestment));

    private static double Ratio(double wanted, double expected) => expected <= 0 ? 0 : Math.Min(1, wanted / expected);
}
