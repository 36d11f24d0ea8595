using ZjSim.Model.Agents;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model;

/// <summary>
/// Counts of a cluster's enterprises: by size class and level, by revenue band and level, connected to a brain, titles
/// held, and candidates for next year's recognition batches. Integer sums: order-free.
/// </summary>
public sealed class ClusterTally
{
    public const int Bands = RevenueParameters.MaxBands;

    /// <summary>[size * 5 + level]</summary>
    public int[] Counts { get; }
    /// <summary>[band * 5 + level]</summary>
    public int[] BandLevel { get; }
    public int Onboarded { get; set; }
    public int SmartFactories { get; set; }
    public int FutureFactories { get; set; }
    /// <summary>Enterprises eligible for a title they do not hold yet.</summary>
    public int SmartCandidates { get; set; }
    public int FutureCandidates { get; set; }

    public ClusterTally() : this(new int[2 * MaturityLevel.Count], new int[Bands * MaturityLevel.Count], 0, 0, 0, 0, 0) { }

    public ClusterTally(int[] counts, int[] bandLevel, int onboarded, int smart, int future, int smartCandidates, int futureCandidates)
    {
        Counts = counts;
        BandLevel = bandLevel;
        Onboarded = onboarded;
        SmartFactories = smart;
        FutureFactories = future;
        SmartCandidates = smartCandidates;
        FutureCandidates = futureCandidates;
    }

    public void Add(in EnterpriseState e, TitleParameters smart, TitleParameters future)
    {
        Counts[(int)e.Size * MaturityLevel.Count + e.Level]++;
        BandLevel[e.Band * MaturityLevel.Count + e.Level]++;
        if (e.Onboarded) Onboarded++;
        if ((e.Titles & Titles.SmartFactory) != 0) SmartFactories++;
        if ((e.Titles & Titles.FutureFactory) != 0) FutureFactories++;
        if (Rules.EnterpriseRules.IsSmartCandidate(e, smart)) SmartCandidates++;
        if (Rules.EnterpriseRules.IsFutureCandidate(e, future)) FutureCandidates++;
    }

    public static ClusterTally Of(IEnumerable<EnterpriseState> states, ModelParameters prm)
    {
        var tally = new ClusterTally();
        foreach (var s in states) tally.Add(s, prm.SmartFactory, prm.FutureFactory);
        return tally;
    }

    public int Count(SizeClass size, int level) => Counts[(int)size * MaturityLevel.Count + level];
    public int Total => Counts.Sum();
    public int TotalOf(SizeClass size) { int n = 0; for (int l = 0; l < MaturityLevel.Count; l++) n += Count(size, l); return n; }

    public int AtLeast(int level)
    {
        int n = 0;
        for (int l = level; l < MaturityLevel.Count; l++) n += Count(SizeClass.AboveSize, l) + Count(SizeClass.KeySme, l);
        return n;
    }

    public int AtLeast(SizeClass size, int level)
    {
        int n = 0;
        for (int l = level; l < MaturityLevel.Count; l++) n += Count(size, l);
        return n;
    }

    /// <summary>Enterprises a brain could connect: at level 1 or above and not yet connected (connected ones are all there).</summary>
    public int Connectable => AtLeast(MaturityLevel.Covered) - Onboarded;

    public long LevelSum
    {
        get
        {
            long sum = 0;
            for (int l = 1; l < MaturityLevel.Count; l++) sum += (long)l * (Count(SizeClass.AboveSize, l) + Count(SizeClass.KeySme, l));
            return sum;
        }
    }

    /// <summary>Mean level / 4, in [0,1]: the cluster's adoption index.</summary>
    public double AdoptionIndex => Total == 0 ? 0 : LevelSum / (4.0 * Total);

    /// <summary>Σ over enterprises of revenue × weight[level], revenue read as its band's mean (million yuan).</summary>
    public double RevenueWeighted(double[] bandMeanRevenue, double[] levelWeight)
    {
        double sum = 0;
        for (int b = 0; b < bandMeanRevenue.Length; b++)
            for (int l = 0; l < MaturityLevel.Count; l++)
                sum += BandLevel[b * MaturityLevel.Count + l] * bandMeanRevenue[b] * levelWeight[l];
        return sum;
    }
}
