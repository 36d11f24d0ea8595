using ZjSim.Model.Analysis;

namespace ZjSim.Model.Experiments;

/// <summary>One parameter's Morris screening measures: μ* (mean absolute elementary effect, with a bootstrap interval) and σ.</summary>
public sealed record MorrisEffect(string Parameter, Interval MuStar, double Mu, double Sigma);

/// <summary>
/// Morris elementary effects from outputs in the order of <see cref="MorrisDesign"/>: in each trajectory, the
/// parameter that moved between two consecutive points gets (f(x') - f(x)) / (x'_i - x_i), in unit-cube units
/// (output change per whole range). μ* = mean |EE| (Campolongo et al. 2007), σ = sample standard deviation of EE.
/// </summary>
public static class ElementaryEffects
{
    public static IReadOnlyList<MorrisEffect> Analyze(IReadOnlyList<double[]> points, IReadOnlyList<double> outputs,
        IReadOnlyList<string> parameters, int resamples = 1000, ulong seed = 1, double level = 0.95)
    {
        int k = parameters.Count;
        if (points.Count != outputs.Count || points.Count % (k + 1) != 0)
            throw new ArgumentException($"Morris trajectories over {k} parameters have a multiple of {k + 1} points, each with an output");
        int r = points.Count / (k + 1);
        var effects = new double[k][];
        for (int i = 0; i < k; i++) effects[i] = new double[r];
        for (int t = 0; t < r; t++)
            for (int s = 0; s < k; s++)
            {
                int at = t * (k + 1) + s;
                var (x, y) = (points[at], points[at + 1]);
                int moved = Enumerable.Range(0, k).Single(i => x[i] != y[i]);
                effects[moved][t] = (outputs[at + 1] - outputs[at]) / (y[moved] - x[moved]);
            }
        var random = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        double tail = (1 - level) / 2;
        return parameters.Select((name, i) =>
        {
            var ee = effects[i];
            double muStar = ee.Average(Math.Abs);
            var boot = new double[resamples];
            for (int b = 0; b < resamples; b++)
            {
                double sum = 0;
                for (int t = 0; t < r; t++) sum += Math.Abs(ee[random.Next(r)]);
                boot[b] = sum / r;
            }
            return new MorrisEffect(name,
                new Interval(muStar, Quantile(boot, tail), Quantile(boot, 1 - tail)),
                ee.Average(), MathNet.Numerics.Statistics.Statistics.StandardDeviation(ee));
        }).ToList();
    }

    private static double Quantile(double[] values, double p) =>
        MathNet.Numerics.Statistics.Statistics.QuantileCustom(values, p, MathNet.Numerics.Statistics.QuantileDefinition.R7);
}
