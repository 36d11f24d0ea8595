namespace ZjSim.Model.Inference;

/// <summary>
/// The weighted quantile pyabc's adaptive tolerance uses (pyabc.weighted_statistics.weighted_quantile): points sorted,
/// each placed at the middle of its cumulative weight, and the quantile interpolated linearly between them.
/// </summary>
internal static class WeightedQuantile
{
    public static double Of(double[] points, double[] weights, double alpha)
    {
        var order = Enumerable.Range(0, points.Length).OrderBy(i => points[i]).ThenBy(i => i).ToArray();
        double total = weights.Sum(), cumulative = 0;
        double prevX = double.NaN, prevP = double.NaN;
        for (int r = 0; r < order.Length; r++)
        {
            double w = weights[order[r]] / total, p = points[order[r]];
            cumulative += w;
            double x = cumulative - 0.5 * w;
            if (alpha <= x)
            {
                if (r == 0 || x <= prevX) return p;
                if (double.IsInfinity(p)) return p;
                return prevP + (p - prevP) * (alpha - prevX) / (x - prevX);
            }
            prevX = x;
            prevP = p;
        }
        return points[order[^1]];
    }
}
