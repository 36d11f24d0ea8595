namespace ZjSim.Model.Analysis;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, as R and NumPy default).</summary>
public static class Quantiles
{
    public static double Of(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        return OfSorted(sorted, p);
    }

    public static double OfSorted(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
