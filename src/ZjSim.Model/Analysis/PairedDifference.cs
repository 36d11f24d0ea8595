using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Analysis;

/// <summary>
/// Differences between two scenarios run with common random numbers: replication r of both shares its
/// random streams, so the outcomes are paired and the difference is estimated from within-pair changes.
/// </summary>
public static class PairedDifference
{
    /// <summary>
    /// P(B met) − P(A met) for paired binary outcomes, with Newcombe's hybrid score interval for paired data
    /// (Newcombe 1998, Stat Med 17:2635, method 10): Wilson limits of each proportion combined with the
    /// correlation φ of the 2×2 table of pairs.
    /// </summary>
    public static Interval Proportions(IReadOnlyList<bool> a, IReadOnlyList<bool> b, double z = Proportion.Z95)
    {
        int n = CheckPaired(a.Count, b.Count);
        int both = 0, onlyA = 0, onlyB = 0, neither = 0;
        for (int i = 0; i < n; i++)
        {
            if (a[i] && b[i]) both++;
            else if (a[i]) onlyA++;
            else if (b[i]) onlyB++;
            else neither++;
        }
        var wa = Proportion.Wilson(both + onlyA, n, z);
        var wb = Proportion.Wilson(both + onlyB, n, z);
        double product = (double)(both + onlyA) * (onlyB + neither) * (both + onlyB) * (onlyA + neither);
        double phi = product > 0 ? ((double)both * neither - (double)onlyA * onlyB) / Math.Sqrt(product) : 0;
        double diff = wb.Estimate - wa.Estimate;
        double dl = Math.Sqrt(Sq(wb.Estimate - wb.Lower) - 2 * phi * (wb.Estimate - wb.Lower) * (wa.Upper - wa.Estimate) + Sq(wa.Upper - wa.Estimate));
        double du = Math.Sqrt(Sq(wb.Upper - wb.Estimate) - 2 * phi * (wb.Upper - wb.Estimate) * (wa.Estimate - wa.Lower) + Sq(wa.Estimate - wa.Lower));
        return new Interval(diff, Math.Max(-1, diff - dl), Math.Min(1, diff + du));
    }

    /// <summary>
    /// The same difference as if the runs were independent (Newcombe's method 10 with φ = 0): the width
    /// common random numbers save is the gap between this and <see cref="Proportions"/>.
    /// </summary>
    public static Interval UnpairedProportions(int metA, int nA, int metB, int nB, double z = Proportion.Z95)
    {
        var wa = Proportion.Wilson(metA, nA, z);
        var wb = Proportion.Wilson(metB, nB, z);
        double diff = wb.Estimate - wa.Estimate;
        double dl = Math.Sqrt(Sq(wb.Estimate - wb.Lower) + Sq(wa.Upper - wa.Estimate));
        double du = Math.Sqrt(Sq(wb.Upper - wb.Estimate) + Sq(wa.Estimate - wa.Lower));
        return new Interval(diff, Math.Max(-1, diff - dl), Math.Min(1, diff + du));
    }

    private static int CheckPaired(int na, int nb)
    {
        if (na != nb) throw new ArgumentException($"paired samples must have the same length ({na} vs {nb})");
        if (na == 0) throw new ArgumentException("no pairs");
        return na;
    }

    private static double Sq(double x) => x * x;
}
