using System.Runtime.CompilerServices;
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
        Span<uint> a = words[..Chunk], b = words.Slice(Chunk, Chunk), c = words.Slice(2 * Chunk, Chunk), d = words.Slice(3 * Chunk, Chunk);
        Span<uint> a1 = words.Slice(4 * Chunk, Chunk), b1 = words.Slice(5 * Chunk, Chunk), c1 = words.Slice(6 * Chunk, Chunk), d1 = words.Slice(7 * Chunk, Chunk);
        var thresholds = plan.LevelThresholds;
        var cities = plan.CityThresholds;
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            block0.FillWords(firstEntity + start, a[..n], b[..n], c[..n], d[..n], vector);
            block1.FillWords(firstEntity + start, a1[..n], b1[..n], c1[..n], d1[..n], vector);
            for (int i = 0; i < n; i++)
            {
                int local = start + i;
                int size = local < aboveCount ? 0 : 1;
                int t = size * 4;
                ulong k = PhiloxLanes.Bits53(a[i], b[i]);
                // The level is the first l with k below threshold l (4 if none): 4 − the thresholds k is below.
                int packed = 4 - Below(k, thresholds[t]) - Below(k, thresholds[t + 1]) - Below(k, thresholds[t + 2]) - Below(k, thresholds[t + 3]);

                ulong revenue = PhiloxLanes.Bits53(c[i], d[i]);
                int band = plan.FirstBand[size];
                foreach (var cut in plan.BandCuts[size]) band += cut.Reaches(revenue) ? 1 : 0;
                packed |= band << PackedEnterprise.BandShift;
                if (plan.SmartCuts[size].Reaches(revenue)) packed |= PackedEnterprise.ReachesSmart;
                if (plan.FutureCuts[size].Reaches(revenue)) packed |= PackedEnterprise.ReachesFuture;

                // The first city whose threshold is above the draw = the thresholds it reaches (they rise), counted
                // without a branch: the search's exit was a mispredicted branch per enterprise.
                ulong kCity = PhiloxLanes.Bits53(a1[i], b1[i]);
                int city = 0;
                foreach (ulong threshold in cities) city += kCity >= threshold ? 1 : 0;
                packed |= plan.CityTier[city] << PackedEnterprise.TierShift;

                if (plan.SmartCandidate[packed]) packed = initialTitles(packed, firstEntity + local);
                states[local] = (ushort)packed;
            }
        }
    }

    private static int Below(ulong k, ulong threshold) => k < threshold ? 1 : 0;
}
