using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ZjSim.Model.Random;

namespace ZjSim.Model.Simulation;

/// <summary>
/// <see cref="Rules.EnterpriseRules.Initialize"/> for a cluster's packed enterprises (above-size ones first). As in
/// <see cref="StepKernel"/>, a draw is decided on its Philox high word (k >> 22 = hi >> 1) for 32 enterprises at once,
/// against the base-year level thresholds and the revenue cuts; a group where a draw ties a level threshold there,
/// or falls between a cut's lower and upper bounds, or that straddles the size boundary, takes the exact scalar
/// path, which is also the path without AVX2. Titles are drawn, as the rule draws them, for the few enterprises
/// eligible for a smart factory.
/// </summary>
internal sealed class InitKernel
{
    private const int Chunk = DrawThreshold.KernelChunk;
    private const int Group = DrawThreshold.KernelGroup;

    private readonly BatchPlan _plan;
    private readonly PhiloxLanes _lanes;
    private readonly RevenueCut _smartCut, _futureCut;
    private readonly int _aboveCount;
    private readonly Func<int, int, int> _initialTitles;

    /// <param name="lanes">Draw 0 of the base year's initialisation streams.</param>
    /// <param name="initialTitles">(packed state eligible for a smart factory, enterprise id) → state with its base-year titles.</param>
    public InitKernel(BatchPlan plan, PhiloxLanes lanes, RevenueCut smartCut, RevenueCut futureCut, int aboveCount, Func<int, int, int> initialTitles)
    {
        _plan = plan;
        _lanes = lanes;
        _smartCut = smartCut;
        _futureCut = futureCut;
        _aboveCount = aboveCount;
        _initialTitles = initialTitles;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a loop over every enterprise: skip the unoptimised first tier
    public void Run(Span<byte> states, int firstEntity, bool vector)
    {
        vector &= Avx2.IsSupported && _plan.TitlesNeedRevenue;   // the vector path looks up titles only where a revenue bit is set
        var words = DrawWords.Rent();
        Span<uint> a = words[..Chunk], b = words.Slice(Chunk, Chunk), c = words.Slice(2 * Chunk, Chunk), d = words.Slice(3 * Chunk, Chunk);
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            _lanes.FillWords(firstEntity + start, a[..n], b[..n], c[..n], d[..n], vector);
            int i = 0;
            if (vector)
                for (; i + Group <= n; i += Group)
                {
                    int local = start + i;
                    bool above = local + Group <= _aboveCount;
                    if (!(above || local >= _aboveCount)
                        || !Vector(states.Slice(local, Group), a.Slice(i, Group), c.Slice(i, Group), firstEntity + local, above))
                        Scalar(states.Slice(local, Group), a.Slice(i, Group), b.Slice(i, Group), c.Slice(i, Group), d.Slice(i, Group), firstEntity + local, local);
                }
            Scalar(states.Slice(start + i, n - i), a[i..n], b[i..n], c[i..n], d[i..n], firstEntity + start + i, start + i);
        }
    }

    /// <summary>The rule, enterprise by enterprise, on exact 53-bit comparisons.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scalar(Span<byte> states, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, ReadOnlySpan<uint> c, ReadOnlySpan<uint> d, int firstEntity, int firstLocal)
    {
        var thresholds = _plan.LevelThresholds;
        for (int i = 0; i < states.Length; i++)
        {
            bool above = firstLocal + i < _aboveCount;
            int t = above ? 0 : 4;
            ulong k = PhiloxLanes.Bits53(a[i], b[i]);
            // The level is the first l with k below threshold l (4 if none): 4 − the thresholds k is below.
            int packed = 4 - Below(k, thresholds[t]) - Below(k, thresholds[t + 1]) - Below(k, thresholds[t + 2]) - Below(k, thresholds[t + 3]);
            if (above)
            {
                ulong revenue = PhiloxLanes.Bits53(c[i], d[i]);
                if (_smartCut.Reaches(revenue)) packed |= PackedEnterprise.SmartRevenue;
                if (_futureCut.Reaches(revenue)) packed |= PackedEnterprise.FutureRevenue;
                if (_plan.SmartEligible[packed]) packed = _initialTitles(packed, firstEntity + i);
            }
            else packed |= PackedEnterprise.KeySme;
            states[i] = (byte)packed;
        }
    }

    /// <summary>32 enterprises of one size on the high words; false (nothing written) when one must be decided exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Vector(Span<byte> states, ReadOnlySpan<uint> a, ReadOnlySpan<uint> c, int firstEntity, bool above)
    {
        ref ulong t = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_plan.LevelThresholds), above ? 0 : 4);
        var t0 = Vector256.Create(DrawThreshold.High(t));
        var t1 = Vector256.Create(DrawThreshold.High(Unsafe.Add(ref t, 1)));
        var t2 = Vector256.Create(DrawThreshold.High(Unsafe.Add(ref t, 2)));
        var t3 = Vector256.Create(DrawThreshold.High(Unsafe.Add(ref t, 3)));
        var smartLower = Vector256.Create(DrawThreshold.High(_smartCut.Lower));
        var smartUpper = Vector256.Create(DrawThreshold.High(_smartCut.Upper));
        var futureLower = Vector256.Create(DrawThreshold.High(_futureCut.Lower));
        var futureUpper = Vector256.Create(DrawThreshold.High(_futureCut.Upper));
        var fixedBits = Vector256.Create(above ? 0 : PackedEnterprise.KeySme);

        ref uint aRef = ref MemoryMarshal.GetReference(a);
        ref uint cRef = ref MemoryMarshal.GetReference(c);
        Span<Vector256<int>> packed = stackalloc Vector256<int>[4];
        var exact = Vector256<int>.Zero;
        for (int g = 0; g < 4; g++)
        {
            var k = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref aRef, (nuint)(8 * g)), 1).AsInt32();
            // Comparisons give −1 where true: 4 + (−1 per threshold above k) is the level.
            var level = Vector256.Create(4) + Vector256.GreaterThan(t0, k) + Vector256.GreaterThan(t1, k)
                + Vector256.GreaterThan(t2, k) + Vector256.GreaterThan(t3, k);
            exact |= Vector256.Equals(t0, k) | Vector256.Equals(t1, k) | Vector256.Equals(t2, k) | Vector256.Equals(t3, k);
            var bits = level | fixedBits;
            if (above)
            {
                var revenue = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref cRef, (nuint)(8 * g)), 1).AsInt32();
                var smartSure = Vector256.GreaterThan(revenue, smartUpper);
                var futureSure = Vector256.GreaterThan(revenue, futureUpper);
                // Between a cut's bounds (inclusive, on the high words) only the exact formula can tell.
                exact |= Vector256.AndNot(~Vector256.GreaterThan(smartLower, revenue), smartSure)
                    | Vector256.AndNot(~Vector256.GreaterThan(futureLower, revenue), futureSure);
                bits |= (smartSure & Vector256.Create(PackedEnterprise.SmartRevenue)) | (futureSure & Vector256.Create(PackedEnterprise.FutureRevenue));
            }
            packed[g] = bits;
        }
        if (exact != Vector256<int>.Zero) return false;

        var bytes = Vector256.Narrow(Vector256.Narrow(packed[0], packed[1]), Vector256.Narrow(packed[2], packed[3])).AsByte();
        bytes.StoreUnsafe(ref MemoryMarshal.GetReference(states));
        if (above)
        {
            var revenueBits = Vector256.Create((byte)(PackedEnterprise.SmartRevenue | PackedEnterprise.FutureRevenue));
            uint candidates = ~Vector256.Equals(bytes & revenueBits, Vector256<byte>.Zero).ExtractMostSignificantBits();
            for (; candidates != 0; candidates &= candidates - 1)
            {
                int j = System.Numerics.BitOperations.TrailingZeroCount(candidates);
                if (_plan.SmartEligible[states[j]]) states[j] = (byte)_initialTitles(states[j], firstEntity + j);
            }
        }
        return true;
    }

    private static int Below(ulong k, ulong threshold) => k < threshold ? 1 : 0;

}
