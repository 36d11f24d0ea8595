using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Inference;

/// <summary>
/// Whether simulation-based calibration's ranks (each in 0..L) are uniform: the counts in B bins against their
/// exact expectation (bin b holds the ranks r with ⌊r·B/(L+1)⌋ = b, so when B does not divide L+1 the bins differ
/// by one rank and their expectations say so), Pearson's chi-square and its p-value on B − 1 degrees of freedom.
/// With few replications choose few bins: the chi-square approximation wants about 5 expected per bin.
/// </summary>
public sealed record RankUniformity(int[] Counts, double[] Expected, double ChiSquare, int DegreesOfFreedom, double PValue)
{
    public static RankUniformity Of(IReadOnlyList<int> ranks, int maxRank, int bins)
    {
        if (bins < 2) throw new ArgumentException($"bins: {bins}; at least 2");
        if (bins > maxRank + 1) throw new ArgumentException($"bins: {bins}; at most the {maxRank + 1} possible ranks");
        if (ranks.Count == 0) throw new ArgumentException("no ranks");
        var counts = new int[bins];
        foreach (int r in ranks)
        {
            if (r < 0 || r > maxRank) throw new ArgumentException($"rank {r} outside 0..{maxRank}");
            counts[Bin(r, maxRank, bins)]++;
        }
        var expected = new double[bins];
        for (int r = 0; r <= maxRank; r++) expected[Bin(r, maxRank, bins)] += (double)ranks.Count / (maxRank + 1);
        double chi = 0;
        for (int b = 0; b < bins; b++) chi += (counts[b] - expected[b]) * (counts[b] - expected[b]) / expected[b];
        double p = 1 - ChiSquared.CDF(bins - 1, chi);
        return new RankUniformity(counts, expected, chi, bins - 1, p);
    }

    public static int Bin(int rank, int maxRank, int bins) => (int)((long)rank * bins / (maxRank + 1));

    /// <summary>The counts as a text sparkline, one block per bin, scaled to the largest count.</summary>
    public string Sparkline()
    {
        const string blocks = "▁▂▃▄▅▆▇█";
        int max = Math.Max(1, Counts.Max());
        return new string(Counts.Select(c => c == 0 ? ' ' : blocks[Math.Min(blocks.Length - 1, (int)Math.Ceiling((double)c / max * blocks.Length) - 1)]).ToArray());
    }
}
