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

    /// <summary>Enterprises whose draws the kernels make at once (a thread's scratch buffers, <see cref="DrawWords"/>).</summary>
    public const int KernelChunk = 512;
}
