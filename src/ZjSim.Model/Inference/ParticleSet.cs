namespace ZjSim.Model.Inference;

/// <summary>
/// A weighted sample of parameter vectors: an ABC-SMC population, and the posterior the scenarios draw from.
/// Values[i][k] is particle i's value of Paths[k]; the weights are normalised to sum to 1.
/// </summary>
public sealed record ParticleSet
{
    public IReadOnlyList<string> Paths { get; }
    public double[][] Values { get; }
    public double[] Weights { get; }

    public ParticleSet(IReadOnlyList<string> paths, double[][] values, double[]? weights = null)
    {
        if (values.Length == 0) throw new ArgumentException("a particle set needs at least one particle");
        if (values.Any(v => v.Length != paths.Count)) throw new ArgumentException("every particle needs a value for each path");
        weights ??= Enumerable.Repeat(1.0, values.Length).ToArray();
        if (weights.Length != values.Length) throw new ArgumentException("one weight per particle");
        if (weights.Any(w => !(w >= 0) || !double.IsFinite(w))) throw new ArgumentException("weights must be finite and non-negative");
        double total = weights.Sum();
        if (!(total > 0)) throw new ArgumentException("the weights sum to zero");
        Paths = paths;
        Values = values;
        // Weights that already sum to 1 (to rounding) are kept as they are, so a set written and read back
        // (posterior.csv, a run's parameters) has bit-identical weights and picks the same particles.
        Weights = Math.Abs(total - 1) < 1e-9 ? weights.ToArray() : weights.Select(w => w / total).ToArray();
    }

    /// <summary>
    /// A set whose weights are kept bit for bit (already normalised, e.g. read back from an ABC checkpoint): dividing
    /// by their sum again could move the last bit, and a resumed calibration must be bit-identical to an unbroken one.
    /// </summary>
    internal static ParticleSet Exact(IReadOnlyList<string> paths, double[][] values, double[] normalisedWeights)
    {
        var set = new ParticleSet(paths, values, normalisedWeights);
        if (Math.Abs(normalisedWeights.Sum() - 1) > 1e-9) throw new ArgumentException("the weights must already sum to 1");
        return new ParticleSet(set, normalisedWeights);
    }

    private ParticleSet(ParticleSet checkedSet, double[] weights)
    {
        Paths = checkedSet.Paths;
        Values = checkedSet.Values;
        Weights = weights;
    }

    public int Count => Values.Length;

    /// <summary>Kish's effective sample size, (Σw)²/Σw², with the weights normalised: 1/Σw².</summary>
    public double EffectiveSampleSize => 1 / Weights.Sum(w => w * w);

    /// <summary>
    /// Particles with distinct values: ABC-SMC resamples and then moves particles, and a particle whose moves were all
    /// refused stays a copy of its ancestor, so this (not the effective sample size of the weights) says how many
    /// different parameter vectors the sample holds.
    /// </summary>
    public int Distinct => Values.Select(v => string.Join(',', v.Select(x => BitConverter.DoubleToInt64Bits(x)))).Distinct().Count();

    /// <summary>Parameter k's values, particle by particle.</summary>
    public double[] Column(int k) => Values.Select(v => v[k]).ToArray();

    public int IndexOf(string path)
    {
        for (int k = 0; k < Paths.Count; k++) if (Paths[k] == path) return k;
        return -1;
    }

    /// <summary>
    /// The particle a uniform u in [0,1) picks with probability equal to its weight (inversion of the cumulative
    /// weights, in particle order), so the same u picks the same particle on every machine.
    /// </summary>
    public int Pick(double u)
    {
        double cumulative = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            cumulative += Weights[i];
            if (u < cumulative) return i;
        }
        for (int i = Weights.Length - 1; i >= 0; i--) if (Weights[i] > 0) return i;
        return Weights.Length - 1;
    }

    /// <summary>The weighted quantile q of parameter k (the smallest value whose cumulative weight reaches q).</summary>
    public double Quantile(int k, double q)
    {
        var order = Enumerable.Range(0, Count).OrderBy(i => Values[i][k]).ThenBy(i => i).ToArray();
        double cumulative = 0;
        foreach (int i in order)
        {
            cumulative += Weights[i];
            if (cumulative >= q - 1e-12) return Values[i][k];
        }
        return Values[order[^1]][k];
    }

    public double Mean(int k) => Enumerable.Range(0, Count).Sum(i => Weights[i] * Values[i][k]);

    /// <summary>The weighted covariance matrix of the parameters (normalised weights, no bias correction).</summary>
    public double[,] Covariance()
    {
        int d = Paths.Count;
        var mean = Enumerable.Range(0, d).Select(Mean).ToArray();
        var c = new double[d, d];
        for (int i = 0; i < Count; i++)
        {
            double w = Weights[i];
            var v = Values[i];
            for (int a = 0; a < d; a++)
            {
                double da = v[a] - mean[a];
                for (int b = a; b < d; b++) c[a, b] += w * da * (v[b] - mean[b]);
            }
        }
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) c[a, b] = c[b, a];
        return c;
    }

    /// <summary>The weighted correlation of parameters a and b (0 when either does not vary).</summary>
    public double Correlation(int a, int b)
    {
        double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < Count; i++)
        {
            double da = Values[i][a] - ma, db = Values[i][b] - mb;
            sab += Weights[i] * da * db;
            saa += Weights[i] * da * da;
            sbb += Weights[i] * db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : 0;
    }
}
