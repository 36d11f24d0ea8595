namespace ZjSim.Model.Random;

/// <summary>
/// A thread's scratch space for the four Philox words of a chunk of enterprises. The kernels once took it from the
/// stack, which .NET zeroes on every call: 8 KB a cluster-year, a tenth of a replication's CPU. The words are always
/// written before they are read, so a buffer kept per thread needs no clearing.
/// </summary>
internal static class DrawWords
{
    [ThreadStatic] private static uint[]? t_words;

    /// <summary>8 × <see cref="DrawThreshold.KernelChunk"/> words (two blocks a, b, c, d in turn), valid until this thread's next call.</summary>
    public static Span<uint> Rent() => t_words ??= new uint[8 * DrawThreshold.KernelChunk];
}
