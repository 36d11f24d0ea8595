using MathNet.Numerics.Statistics;

namespace ZjSim.Model.Analysis;

/// <summary>
/// Sample quantiles by MathNet's R-7 definition (linear interpolation between order statistics, as R and
/// NumPy default); replications that produced no value (NaN) are left out.
/// </summary>
public static class Quantiles
{
    public static double Of(IReadOnlyList<double> values, double p) =>
        OfSorted(values.Where(v => !double.IsNaN(v)).Order().ToArray(), p);

    public static double OfSorted(double[] sorted, double p) =>
        SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7);
}
