using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ZjSim.Model.Random;

namespace ZjSim.Model.Simulation;

/// <summary>
/// One year of <see cref="Rules.EnterpriseRules.Step"/> for a batch of packed enterprises, counting the level moves
/// and title grants the cluster's tally needs. Each draw is a test k &lt; T on k = (hi·2³² + lo) >> 11; its top
/// 31 bits are hi >> 1, so comparing hi >> 1 with T >> 22 decides it unless the two are equal (a chance of 2⁻³¹).
/// With AVX2, 32 enterprises are decided at once that way, and moved up a level; the few that hold a revenue
/// verdict (the only ones a title can change) go through the <see cref="BatchPlan.Transitions"/> table, and a group
/// with a tie is redone by the exact scalar path, which is also the path without AVX2.
/// </summary>
internal sealed class StepKernel
{
    private const int Chunk = DrawThreshold.KernelChunk;
    private const int Group = DrawThreshold.KernelGroup;
    private const int RevenueBits = PackedEnterprise.SmartRevenue | PackedEnterprise.FutureRevenue;

    private readonly BatchPlan _plan;
    private readonly PhiloxLanes _lanes;
    private readonly ulong[] _hazards;   // [packed & HazardMask]
    private readonly ulong _grant;
    private readonly Func<int, int, int> _futureDraw;

    /// <summary>Moves of the year by start-of-year (size, level), [packed & HazardMask]; titles granted.</summary>
    public int[] Moves { get; } = new int[16];
    public int SmartGrants { get; private set; }
    public int FutureGrants { get; private set; }

    /// <param name="futureDraw">(packed state with <see cref="BatchPlan.NeedsFutureDraw"/>, enterprise id) → state after the future-factory draw.</param>
    public StepKernel(BatchPlan plan, PhiloxLanes lanes, ulong[] hazards, Func<int, int, int> futureDraw)
    {
        _plan = plan;
        _lanes = lanes;
        _hazards = hazards;
        _grant = plan.SmartGrantThreshold;
        _futureDraw = futureDraw;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a loop run millions of times: skip the unoptimised first tier
    public void Run(Span<byte> states, int firstEntity, bool vector)
    {
        vector &= Avx2.IsSupported && _plan.TitlesNeedRevenue;
        var words = DrawWords.Rent();
        Span<uint> a = words[..Chunk], b = words.Slice(Chunk, Chunk), c = words.Slice(2 * Chunk, Chunk), d = words.Slice(3 * Chunk, Chunk);
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            _lanes.FillWords(firstEntity + start, a[..n], b[..n], c[..n], d[..n], vector);
            var chunk = states.Slice(start, n);
            int i = 0;
            if (vector)
                for (; i + Group <= n; i += Group)
                    if (!Vector(chunk.Slice(i, Group), a.Slice(i, Group), c.Slice(i, Group), firstEntity + start + i))
                        Scalar(chunk.Slice(i, Group), a.Slice(i, Group), b.Slice(i, Group), c.Slice(i, Group), d.Slice(i, Group), firstEntity + start + i);
            Scalar(chunk[i..], a[i..n], b[i..n], c[i..n], d[i..n], firstEntity + start + i);
        }
    }

    /// <summary>The rule, enterprise by enterprise, on exact 53-bit comparisons.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scalar(Span<byte> states, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, ReadOnlySpan<uint> c, ReadOnlySpan<uint> d, int firstEntity)
    {
        for (int i = 0; i < states.Length; i++)
        {
            int packed = states[i];
            int moved = PhiloxLanes.Bits53(a[i], b[i]) < _hazards[packed & PackedEnterprise.HazardMask] ? 1 : 0;
            int granted = PhiloxLanes.Bits53(c[i], d[i]) < _grant ? 1 : 0;
            states[i] = (byte)Titles(packed, moved, granted, firstEntity + i);
            Moves[packed & PackedEnterprise.HazardMask] += moved;
        }
    }

    /// <summary>The table's transition (and the future draw it may call for), counting titles granted.</summary>
    private int Titles(int packed, int moved, int granted, int entity)
    {
        int next = _plan.Transitions[(packed << 2) | (moved << 1) | granted];
        if (next >= BatchPlan.NeedsFutureDraw) next = _futureDraw(next, entity);
        int gained = next & ~packed;
        if ((gained & PackedEnterprise.SmartFactory) != 0) SmartGrants++;
        if ((gained & PackedEnterprise.FutureFactory) != 0) FutureGrants++;
        return next;
    }

    /// <summary>32 enterprises on the high words; false (nothing written) when a draw ties its threshold there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Vector(Span<byte> states, ReadOnlySpan<uint> a, ReadOnlySpan<uint> c, int firstEntity)
    {
        ref ulong h = ref MemoryMarshal.GetArrayDataReference(_hazards);
        var above = Vector256.Create(DrawThreshold.High(h), DrawThreshold.High(Unsafe.Add(ref h, 1)), DrawThreshold.High(Unsafe.Add(ref h, 2)), DrawThreshold.High(Unsafe.Add(ref h, 3)),
            DrawThreshold.High(Unsafe.Add(ref h, 4)), DrawThreshold.High(Unsafe.Add(ref h, 5)), DrawThreshold.High(Unsafe.Add(ref h, 6)), DrawThreshold.High(Unsafe.Add(ref h, 7)));
        var sme = Vector256.Create(DrawThreshold.High(Unsafe.Add(ref h, 8)), DrawThreshold.High(Unsafe.Add(ref h, 9)), DrawThreshold.High(Unsafe.Add(ref h, 10)), DrawThreshold.High(Unsafe.Add(ref h, 11)),
            DrawThreshold.High(Unsafe.Add(ref h, 12)), DrawThreshold.High(Unsafe.Add(ref h, 13)), DrawThreshold.High(Unsafe.Add(ref h, 14)), DrawThreshold.High(Unsafe.Add(ref h, 15)));
        var grant = Vector256.Create(DrawThreshold.High(_grant));

        var packed = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(states));
        ref uint aRef = ref MemoryMarshal.GetReference(a);
        ref uint cRef = ref MemoryMarshal.GetReference(c);
        var (m0, g0, t0) = Eight(Avx2.ConvertToVector256Int32(packed.GetLower()), above, sme, grant, ref aRef, ref cRef, 0);
        var (m1, g1, t1) = Eight(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(packed.GetLower(), 8)), above, sme, grant, ref aRef, ref cRef, 8);
        var (m2, g2, t2) = Eight(Avx2.ConvertToVector256Int32(packed.GetUpper()), above, sme, grant, ref aRef, ref cRef, 16);
        var (m3, g3, t3) = Eight(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(packed.GetUpper(), 8)), above, sme, grant, ref aRef, ref cRef, 24);
        if ((t0 | t1 | t2 | t3) != Vector256<int>.Zero) return false;

        var moved = Vector256.Narrow(Vector256.Narrow(m0, m1), Vector256.Narrow(m2, m3)).AsByte();   // 0xFF where moved
        (packed - moved).StoreUnsafe(ref MemoryMarshal.GetReference(states));   // up a level: 4 never moves (threshold 0)

        var level = packed & Vector256.Create((byte)PackedEnterprise.HazardMask);
        foreach (int cls in (ReadOnlySpan<int>)[0, 1, 2, 3, 8, 9, 10, 11])
            Moves[cls] += BitOperations.PopCount((Vector256.Equals(level, Vector256.Create((byte)cls)) & moved).ExtractMostSignificantBits());

        uint titled = ~Vector256.Equals(packed & Vector256.Create((byte)RevenueBits), Vector256<byte>.Zero).ExtractMostSignificantBits();
        if (titled != 0)
        {
            uint movedBits = moved.ExtractMostSignificantBits();
            uint grantedBits = g0.AsSingle().ExtractMostSignificantBits() | (g1.AsSingle().ExtractMostSignificantBits() << 8)
                | (g2.AsSingle().ExtractMostSignificantBits() << 16) | (g3.AsSingle().ExtractMostSignificantBits() << 24);
            for (; titled != 0; titled &= titled - 1)
            {
                int j = BitOperations.TrailingZeroCount(titled);
                int mv = (int)(movedBits >> j) & 1;
                states[j] = (byte)Titles(states[j] - mv, mv, (int)(grantedBits >> j) & 1, firstEntity + j);
            }
        }
        return true;
    }

    /// <summary>Moved and granted lanes (all ones) of eight enterprises, and lanes where a high-word test ties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<int> Moved, Vector256<int> Granted, Vector256<int> Ties) Eight(
        Vector256<int> packed, Vector256<int> above, Vector256<int> sme, Vector256<int> grant, ref uint a, ref uint c, int offset)
    {
        var isSme = Vector256.Equals(packed & Vector256.Create(PackedEnterprise.KeySme), Vector256.Create(PackedEnterprise.KeySme));
        // vpermd reads the low three bits of each index: the level.
        var hazard = Vector256.ConditionalSelect(isSme, Avx2.PermuteVar8x32(sme, packed), Avx2.PermuteVar8x32(above, packed));
        var levelDraw = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref a, (nuint)offset), 1).AsInt32();
        var smartDraw = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref c, (nuint)offset), 1).AsInt32();
        return (Vector256.GreaterThan(hazard, levelDraw), Vector256.GreaterThan(grant, smartDraw),
            Vector256.Equals(hazard, levelDraw) | Vector256.Equals(grant, smartDraw));
    }
}
