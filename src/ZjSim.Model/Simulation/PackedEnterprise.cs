using ZjSim.Model.Agents;

namespace ZjSim.Model.Simulation;

/// <summary>
/// An enterprise of the batch representation in one byte: level (bits 0–2), key SME (bit 3), the two titles
/// (bits 4–5), and whether its base-year revenue reaches the smart- and future-factory minimums (bits 6–7).
/// Revenue enters the rules only through those two comparisons, so the float itself is not kept;
/// <see cref="ClusterPopulation"/> recomputes it from the enterprise's stream when asked.
/// </summary>
public static class PackedEnterprise
{
    public const int LevelMask = 0b111;
    public const int KeySme = 1 << 3;
    public const int SmartFactory = 1 << 4;
    public const int FutureFactory = 1 << 5;
    public const int SmartRevenue = 1 << 6;
    public const int FutureRevenue = 1 << 7;
    /// <summary>Level, size and titles: what a cluster's tally counts.</summary>
    public const int TallyMask = 0b11_1111;
    /// <summary>Level and size: what the yearly hazard depends on.</summary>
    public const int HazardMask = 0b1111;

    public static byte Pack(SizeClass size, int level, Titles titles, bool smartRevenue, bool futureRevenue) => (byte)(
        level
        | (size == SizeClass.KeySme ? KeySme : 0)
        | ((int)titles << 4)
        | (smartRevenue ? SmartRevenue : 0)
        | (futureRevenue ? FutureRevenue : 0));

    public static int Level(int packed) => packed & LevelMask;
    public static SizeClass Size(int packed) => (packed & KeySme) != 0 ? SizeClass.KeySme : SizeClass.AboveSize;
    public static Titles Titles(int packed) => (Titles)((packed >> 4) & 0b11);

    /// <summary>Index into a table of 16 values per (size, level): size·8 + level.</summary>
    public static int HazardIndex(SizeClass size, int level) => (size == SizeClass.KeySme ? KeySme : 0) | level;

    /// <summary>Adds a tally histogram (64 bins over <see cref="TallyMask"/>) to a cluster tally.</summary>
    public static ClusterTally ToTally(ReadOnlySpan<int> histogram)
    {
        var tally = new ClusterTally();
        for (int bin = 0; bin < histogram.Length; bin++)
        {
            int n = histogram[bin];
            if (n == 0) continue;
            tally.Counts[(int)Size(bin) * MaturityLevel.Count + Level(bin)] += n;
            if ((bin & SmartFactory) != 0) tally.SmartFactories += n;
            if ((bin & FutureFactory) != 0) tally.FutureFactories += n;
        }
        return tally;
    }
}
