using ZjSim.Model.Agents;

namespace ZjSim.Model;

/// <summary>Counts of a cluster's enterprises by size class and level, and of titles held. Integer sums: order-free.</summary>
public sealed class ClusterTally
{
    /// <summary>[size * 5 + level]</summary>
    public int[] Counts { get; }
    public int SmartFactories { get; set; }
    public int FutureFactories { get; set; }

    public ClusterTally() : this(new int[2 * MaturityLevel.Count], 0, 0) { }
    public ClusterTally(int[] counts, int smart, int future) { Counts = counts; SmartFactories = smart; FutureFactories = future; }

    public void Add(in EnterpriseState e)
    {
        Counts[(int)e.Size * MaturityLevel.Count + e.Level]++;
        if ((e.Titles & Titles.SmartFactory) != 0) SmartFactories++;
        if ((e.Titles & Titles.FutureFactory) != 0) FutureFactories++;
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
}
