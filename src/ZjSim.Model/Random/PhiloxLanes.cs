using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ZjSim.Model.Random;

/// <summary>
/// Draw <c>index</c> of one (seed, replication, year, purpose) stream for a run of consecutive entities:
/// word for word what <see cref="RandomStream.UniformPair"/> gives each entity, made for a batch.
/// Only the entity word of the counter varies, so the key schedule is computed once and the parts of
/// rounds 1–3 that do not depend on the entity are folded into constants (14 of the 20 multiplies remain);
/// with AVX2 eight entities go through each round together.
/// </summary>
internal sealed class PhiloxLanes
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;
    private const int FirstGeneralRound = 3;   // rounds 0..2 are folded

    // Round 0: c0 = entity ^ _a0; the other words are constants.
    // Round 1: (c0, c1) become constants _c0r1, _c1r1; c2 = hi(M0·c0) ^ _x2r1, c3 = lo(M0·c0).
    // Round 2: c0 = hi(M1·c2) ^ _x0r2, c1 = lo(M1·c2), c2 = c3 ^ _x2r2, c3 = _c3r2.
    private readonly uint _a0, _c0r1, _c1r1, _x2r1, _x0r2, _x2r2, _c3r2;
    // The round keys inside the object, not as two arrays of their own: a kernel makes two of these per cluster-year,
    // and the arrays were an eighth of a replication's allocations in the silo.
    private readonly RoundKeys _k0, _k1;

    [InlineArray(10)]
    private struct RoundKeys { private uint _first; }

    public PhiloxLanes(ulong seed, int replication, int year, Purpose purpose, int index)
    {
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        for (int r = 0; r < 10; r++) { _k0[r] = k0 + (uint)r * W0; _k1[r] = k1 + (uint)r * W1; }
        uint c0 = (uint)index, c2 = ((uint)year << 8) | (byte)purpose, c3 = (uint)replication;

        ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
        _a0 = (uint)(p1 >> 32) ^ _k0[0];
        uint c1r0 = (uint)p1, c2r0 = (uint)(p0 >> 32) ^ c3 ^ _k1[0], c3r0 = (uint)p0;

        p1 = (ulong)M1 * c2r0;
        _c0r1 = (uint)(p1 >> 32) ^ c1r0 ^ _k0[1];
        _c1r1 = (uint)p1;
        _x2r1 = c3r0 ^ _k1[1];

        p0 = (ulong)M0 * _c0r1;
        _x0r2 = _c1r1 ^ _k0[2];
        _x2r2 = (uint)(p0 >> 32) ^ _k1[2];
        _c3r2 = (uint)p0;
    }

    /// <summary>
    /// For entity <c>firstEntity + i</c>, the four words of its block; <c>vector</c> = false forces the scalar path
    /// (tests cover both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a hot loop: skip the unoptimised first tier
    public void FillWords(int firstEntity, Span<uint> a, Span<uint> b, Span<uint> c, Span<uint> d, bool vector)
    {
        if (b.Length != a.Length || c.Length != a.Length || d.Length != a.Length) throw new ArgumentException("the four spans must have the same length");
        int i = 0;
        if (vector && Avx2.IsSupported)
            for (; i + 8 <= a.Length; i += 8)
            {
                var (w0, w1, w2, w3) = Eight((uint)(firstEntity + i));
                w0.StoreUnsafe(ref a[i]);
                w1.StoreUnsafe(ref b[i]);
                w2.StoreUnsafe(ref c[i]);
                w3.StoreUnsafe(ref d[i]);
            }
        for (; i < a.Length; i++)
            (a[i], b[i], c[i], d[i]) = Block(firstEntity + i);
    }

    /// <summary>One entity's block, words (a, b, c, d).</summary>
    public (uint, uint, uint, uint) Block(int entity)
    {
        uint c0 = (uint)entity ^ _a0;
        ulong p0 = (ulong)M0 * c0;
        uint c2 = (uint)(p0 >> 32) ^ _x2r1, c3 = (uint)p0;
        ulong p1 = (ulong)M1 * c2;
        c0 = (uint)(p1 >> 32) ^ _x0r2;
        uint c1 = (uint)p1;
        c2 = c3 ^ _x2r2;
        c3 = _c3r2;
        for (int r = FirstGeneralRound; r < 10; r++)
        {
            p0 = (ulong)M0 * c0;
            p1 = (ulong)M1 * c2;
            (c0, c1, c2, c3) = ((uint)(p1 >> 32) ^ c1 ^ _k0[r], (uint)p1, (uint)(p0 >> 32) ^ c3 ^ _k1[r], (uint)p0);
        }
        return (c0, c1, c2, c3);
    }

    /// <summary>The 53-bit integer k of the uniform u = k·2⁻⁵³ that words (hi, lo) give.</summary>
    public static ulong Bits53(uint hi, uint lo) => (((ulong)hi << 32) | lo) >> 11;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (Vector256<uint>, Vector256<uint>, Vector256<uint>, Vector256<uint>) Eight(uint firstEntity)
    {
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        var entity = Vector256.Create(firstEntity) + Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);

        var c0 = entity ^ Vector256.Create(_a0);
        var (hi, lo) = MulHiLo(c0, m0);
        var c2 = hi ^ Vector256.Create(_x2r1);
        var c3 = lo;
        (hi, lo) = MulHiLo(c2, m1);
        c0 = hi ^ Vector256.Create(_x0r2);
        var c1 = lo;
        c2 = c3 ^ Vector256.Create(_x2r2);
        c3 = Vector256.Create(_c3r2);

        ref uint k0 = ref Unsafe.AsRef(in _k0[0]);
        ref uint k1 = ref Unsafe.AsRef(in _k1[0]);
        for (int r = FirstGeneralRound; r < 10; r++)
        {
            var (hi0, lo0) = MulHiLo(c0, m0);
            var (hi1, lo1) = MulHiLo(c2, m1);
            c0 = hi1 ^ c1 ^ Vector256.Create(Unsafe.Add(ref k0, r));
            c1 = lo1;
            c2 = hi0 ^ c3 ^ Vector256.Create(Unsafe.Add(ref k1, r));
            c3 = lo0;
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>The 32×32→64 products of eight lanes by a constant, split into high and low words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<uint> Hi, Vector256<uint> Lo) MulHiLo(Vector256<uint> x, Vector256<uint> m)
    {
        var even = Avx2.Multiply(x, m).AsUInt32();                                        // lanes 0,2,4,6 as (lo, hi)
        var odd = Avx2.Multiply(Avx2.ShiftRightLogical(x.AsUInt64(), 32).AsUInt32(), m).AsUInt32();   // lanes 1,3,5,7
        var hi = Avx2.Blend(Avx2.ShiftRightLogical(even.AsUInt64(), 32).AsUInt32(), odd, 0b1010_1010);
        var lo = Avx2.Blend(even, Avx2.ShiftLeftLogical(odd.AsUInt64(), 32).AsUInt32(), 0b1010_1010);
        return (hi, lo);
    }
}
