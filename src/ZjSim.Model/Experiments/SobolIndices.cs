using ZjSim.Model.Analysis;

namespace ZjSim.Model.Experiments;

/// <summary>
/// First-order Sobol' indices by the estimator of Saltelli et al. (2010, table 2 (b)) and total-order indices by
/// Jansen's (1999), from outputs in the order of <see cref="SaltelliDesign"/>, with percentile bootstrap intervals
/// over the N base rows (resampling whole blocks, as SALib does). Both are divided by the variance of the A and B
/// outputs together. The first-order estimator uses f_B minus the sample mean: E[f_AB - f_A] = 0, so this changes its
/// expectation by O(1/N) only, but removes the noise a large mean (a coverage near 0.95, say) would multiply in.
/// </summary>
public static class SobolIndices
{
    public static IReadOnlyList<SensitivityIndex> Analyze(IReadOnlyList<double> outputs, IReadOnlyList<string> parameters,
        int resamples = 1000, ulong seed = 1, double level = 0.95)
    {
        int k = parameters.Count, block = SaltelliDesign.BlockSize(k);
        if (outputs.Count % block != 0 || outputs.Count < 2 * block)
            throw new ArgumentException($"a Saltelli design over {k} parameters has a multiple of {block} outputs, at least two blocks (got {outputs.Count})");
        int n = outputs.Count / block;
        double A(int j) => outputs[j * block];
        double B(int j) => outputs[j * block + k + 1];
        double AB(int j, int i) => outputs[j * block + 1 + i];

        var all = Enumerable.Range(0, n).ToArray();
        var point = Estimate(all);
        var boot = new (double S1, double ST)[resamples][];
        var random = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var draw = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++) draw[j] = random.Next(n);
            boot[b] = Estimate(draw);
        }
        double tail = (1 - level) / 2;
        return parameters.Select((name, i) =>
        {
            var s1 = boot.Select(x => x[i].S1).Where(double.IsFinite).ToArray();
            var st = boot.Select(x => x[i].ST).Where(double.IsFinite).ToArray();
            return new SensitivityIndex(name,
                new Interval(point[i].S1, Quantile(s1, tail), Quantile(s1, 1 - tail)),
                new Interval(point[i].ST, Quantile(st, tail), Quantile(st, 1 - tail)));
        }).ToList();

        (double S1, double ST)[] Estimate(int[] rows)
        {
            // Variance of f over the A and B points together (population form, as SALib's np.var).
            double mean = 0;
            foreach (int j in rows) mean += A(j) + B(j);
            mean /= 2.0 * rows.Length;
            double v = 0;
            foreach (int j in rows) v += (A(j) - mean) * (A(j) - mean) + (B(j) - mean) * (B(j) - mean);
            v /= 2.0 * rows.Length;
            var result = new (double, double)[k];
            for (int i = 0; i < k; i++)
            {
                double first = 0, total = 0;
                foreach (int j in rows)
                {
                    double ab = AB(j, i);
                    first += (B(j) - mean) * (ab - A(j));   // centred: same expectation, far less noise when the mean is large against the spread
                    total += (A(j) - ab) * (A(j) - ab);
                }
                result[i] = v > 0 ? (first / rows.Length / v, total / (2.0 * rows.Length) / v) : (double.NaN, double.NaN);
            }
            return result;
        }
    }

    private static double Quantile(double[] values, double p) =>
        values.Length == 0 ? double.NaN : MathNet.Numerics.Statistics.Statistics.QuantileCustom(values, p, MathNet.Numerics.Statistics.QuantileDefinition.R7);
}
