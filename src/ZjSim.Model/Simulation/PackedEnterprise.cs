using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ZjSim.Model.Agents;

namespace ZjSim.Model.Simulation;

/// <summary>
/// An enterprise of the batch representation in one byte: level (bits 0–2), key SME (bit 3), the two titles
/// (bits 4–5), and whether its base-year revenue reaches the smart- and future-factory minimums (bits 6–7).
/// Revenue enters the rules only through those two comparisons, so the float itself is not kept;
/// <see cref="ClusterPopulation"/> recomputes it from the enterprise's stream when asked.
/// </summary>
internal static class PackedEnterprise
{
    public const int LevelMask = 0b111;
    public const int KeySme = 1 << 3;
    public const int SmartFactory = 1 << 4;
    public const int FutureFactory = 1 << 5;
    public const int SmartRevenue = 1 << 6;
    public const int FutureRevenue = 1 << 7;
    /// <summary>Level and size: what the yearly hazard depends on.</summary>
    public const int HazardMask = 0b1111;

    /// <summary>The rule's state in one byte, with the revenue verdicts <paramref name="revenueBits"/> it already holds.</summary>
    public static byte Pack(in EnterpriseState state, int revenueBits) => (byte)(
        state.Level
        | (state.Size == SizeClass.KeySme ? KeySme : 0)
        | ((int)state.Titles << 4)
        | (revenueBits & (SmartRevenue | FutureRevenue)));

    public static int Level(int packed) => packed & LevelMask;
    public static SizeClass Size(int packed) => (packed & KeySme) != 0 ? SizeClass.KeySme : SizeClass.AboveSize;
    public static Titles Titles(int packed) => (Titles)((packed >> 4) & 0b11);

    /// <summary>Index into a table of 16 values per (size, level): size·8 + level.</summary>
    public static int HazardIndex(SizeClass size, int level) => (size == SizeClass.KeySme ? KeySme : 0) | level;

    /// <summary>The cluster tally of packed enterprises: counts by (size, level) and titles held.</summary>
    public static ClusterTally Tally(ReadOnlySpan<byte> states)
    {
        var tally = new ClusterTally();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte first = ref MemoryMarshal.GetReference(states);
            var hazardMask = Vector256.Create((byte)HazardMask);
            for (; i + Vector256<byte>.Count <= states.Length; i += Vector256<byte>.Count)
            {
                var packed = Vector256.LoadUnsafe(ref first, (nuint)i);
                var cls = packed & hazardMask;
                foreach (SizeClass size in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
                    for (int level = 0; level < MaturityLevel.Count; level++)
                        tally.Counts[(int)size * MaturityLevel.Count + level] += Count(Vector256.Equals(cls, Vector256.Create((byte)HazardIndex(size, level))));
                tally.SmartFactories += Count(Vector256.Equals(packed & Vector256.Create((byte)SmartFactory), Vector256.Create((byte)SmartFactory)));
                tally.FutureFactories += Count(Vector256.Equals(packed & Vector256.Create((byte)FutureFactory), Vector256.Create((byte)FutureFactory)));
            }
        }
        for (; i < states.Length; i++)
        {
            int packed = states[i];
            tally.Counts[(int)Size(packed) * MaturityLevel.Count + Level(packed)]++;
            if ((packed & SmartFactory) != 0) tally.SmartFactories++;
            if ((packed & FutureFactory) != 0) tally.FutureFactories++;
        }
        return tally;
    }

    private static int Count(Vector256<byte> matches) => BitOperations.PopCount(matches.ExtractMostSignificantBits());
}
