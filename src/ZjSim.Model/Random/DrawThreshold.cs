namespace ZjSim.Model.Random;

/// <summary>
/// A test u &lt; p on a uniform u = k·2⁻⁵³ as the integer test k &lt; Below(p). Exact: scaling by 2⁵³ is exact
/// in binary floating point, and for an integer k, k &lt; x exactly when k &lt; ⌈x⌉. The batch kernels compare
/// integers so they need neither the conversion to double nor the probability per enterprise.
/// </summary>
internal static class DrawThreshold
{
    /// <summary>Above every k: a probability of 1 or more always passes.</summary>
    public const ulong Always = 1UL << 53;

    public static ulong Below(double p) =>
        p > 0 ? (p >= 1 ? Always : (ulong)Math.Ceiling(p * Always)) : 0;   // NaN and p ≤ 0 never pass, as u < NaN never holds

    /// <summary>Above every 32-bit word.</summary>
    public const ulong Always32 = 1UL << 32;

    /// <summary>A test u &lt; p on a uniform u = w·2⁻³² from one 32-bit word w, as the integer test w &lt; Below32(p).</summary>
    public static ulong Below32(double p) =>
        p > 0 ? (p >= 1 ? Always32 : (ulong)Math.Ceiling(p * Always32)) : 0;

    /// <summary>
    /// The top 31 bits of a threshold (T >> 22), as the vector kernels compare a draw's high word (hi >> 1) with it;
    /// capped where T = 2⁵³: a draw's high bits are at most 2³¹ − 1, a tie then, decided exactly.
    /// </summary>
    public static int High(ulong threshold) => (int)Math.Min(threshold >> 22, int.MaxValue);

    /// <summary>Enterprises whose draws the kernels make at once (stack buffers), and the vector group size.</summary>
    public const int KernelChunk = 512, KernelGroup = 32;
}
