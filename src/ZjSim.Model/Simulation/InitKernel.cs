using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZjSim.Model.Random;

namespace ZjSim.Model.Simulation;

/// <summary>
/// <see cref="Rules.EnterpriseRules.Initialize"/> for a cluster's packed enterprises (above-size ones first), on exact
/// 53-bit comparisons against the thresholds and revenue cuts of <see cref="BatchPlan"/>. Titles are drawn, as the rule
/// draws them, for the few enterprises eligible for a smart factory.
/// </summary>
internal sealed class InitKernel(BatchPlan plan, PhiloxLanes block0, PhiloxLanes block1, int aboveCount, Func<int, int, int> initialTitles)
{
    private const int Chunk = DrawThreshold.KernelChunk;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a loop over every enterprise: skip the unoptimised first tier
    public void Run(Span<ushort> states, int firstEntity, bool vector)
    {
        var words = DrawWords.Rent();
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            block0.FillWords(firstEntity + start, words[..n], words.Slice(Chunk, n), words.Slice(2 * Chunk, n), words.Slice(3 * Chunk, n), vector);
            block1.FillWords(firstEntity + start, words.Slice(4 * Chunk, n), words.Slice(5 * Chunk, n), words.Slice(6 * Chunk, n), words.Slice(7 * Chunk, n), vector);
            // Above-size enterprises come first: each size class's thresholds and cuts are read once per run of it.
            int above = Math.Clamp(aboveCount - start, 0, n);
            Run(states.Slice(start, above), words, 0, firstEntity + start, 0);
            Run(states.Slice(start + above, n - above), words, above, firstEntity + start + above, 1);
        }
    }

    /// <param name="offset">where the enterprises' words start in each of the chunk's eight spans of words</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(Span<ushort> states, Span<uint> words, int offset, int firstEntity, int size)
    {
        ref uint a = ref Unsafe.Add(ref MemoryMarshal.GetReference(words), offset);
        ref uint b = ref Unsafe.Add(ref a, Chunk);
        ref uint c = ref Unsafe.Add(ref a, 2 * Chunk);
        ref uint d = ref Unsafe.Add(ref a, 3 * Chunk);
        ref uint a1 = ref Unsafe.Add(ref a, 4 * Chunk);
        ref uint b1 = ref Unsafe.Add(ref a, 5 * Chunk);
        ReadOnlySpan<ulong> levels = plan.LevelThresholds.AsSpan(size * 4, 4);
        ulong level0 = levels[0], level1 = levels[1], level2 = levels[2], level3 = levels[3];
        RevenueCut[] bandCuts = plan.BandCuts[size];
        RevenueCut smartCut = plan.SmartCuts[size], futureCut = plan.FutureCuts[size];
        int firstBand = plan.FirstBand[size];
        ulong[] cities = plan.CityThresholds;
        int[] cityTier = plan.CityTier;
        bool[] smartCandidate = plan.SmartCandidate;
        for (int i = 0; i < states.Length; i++)
        {
            ulong k = PhiloxLanes.Bits53(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i));
            // The level is the first l with k below threshold l (4 if none): 4 − the thresholds k is below.
            int packed = 4 - Below(k, level0) - Below(k, level1) - Below(k, level2) - Below(k, level3);

            ulong revenue = PhiloxLanes.Bits53(Unsafe.Add(ref c, i), Unsafe.Add(ref d, i));
            int band = firstBand;
            foreach (var cut in bandCuts) band += cut.Reaches(revenue) ? 1 : 0;
            packed |= band << PackedEnterprise.BandShift;
            packed |= smartCut.Reaches(revenue) ? PackedEnterprise.ReachesSmart : 0;
            packed |= futureCut.Reaches(revenue) ? PackedEnterprise.ReachesFuture : 0;

            // The first city whose threshold is above the draw = the thresholds it reaches (they rise), counted
            // without a branch: the search's exit was a mispredicted branch per enterprise.
            ulong kCity = PhiloxLanes.Bits53(Unsafe.Add(ref a1, i), Unsafe.Add(ref b1, i));
            int city = 0;
            foreach (ulong threshold in cities) city += kCity >= threshold ? 1 : 0;
            packed |= cityTier[city] << PackedEnterprise.TierShift;

            if (smartCandidate[packed]) packed = initialTitles(packed, firstEntity + i);
            states[i] = (ushort)packed;
        }
    }

    private static int Below(ulong k, ulong threshold) => k < threshold ? 1 : 0;
}
