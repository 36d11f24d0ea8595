using System.Diagnostics;
using System.Globalization;
using ZjSim.Model.Random;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Inference;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo ABC (Beaumont, Cornuet, Marin
/// &amp; Robert 2009) with adaptive tolerances (each the alpha-quantile of the previous population's weighted accepted
/// distances, as pyabc's QuantileEpsilon and Del Moral, Doucet &amp; Jasra 2012).
/// Population 0 is N draws from the prior. Population t proposes candidates by picking an ancestor from population
/// t−1 by weight and moving it with a normal kernel (covariance 2 × the weighted covariance), simulates them, keeps
/// the first N (in candidate order) whose distance is within ε_t, and weighs each by
/// π(θ) / Σ_j w_j K(θ | θ_j), so the weighted population targets the prior restricted to distances ≤ ε_t.
/// Every uniform comes from a stream keyed by (seed, candidate, population, AbcProposal), and candidate c of a
/// population is always simulation number (simulations before it) + c: the result is a pure function of the
/// settings and the simulator, whatever the batch size, and a resumed run equals an unbroken one bit for bit.
/// </summary>
public sealed class AbcSmc
{
    /// <summary>How many times a candidate outside the prior's support is redrawn before the run gives up.</summary>
    private const int MaxRedraws = 100_000;

    private readonly IReadOnlyList<UncertainParameter> _priors;
    private readonly AbcSettings _settings;
    private readonly string[] _paths;
    private readonly double[] _kernelScales;
    private readonly LogitTransform _transform;

    public AbcSmc(IReadOnlyList<UncertainParameter> priors, AbcSettings settings)
    {
        if (priors.Count == 0) throw new ArgumentException("ABC needs at least one uncertain parameter");
        settings.Validate();
        _priors = priors;
        _settings = settings;
        _paths = priors.Select(p => p.Path).ToArray();
        _transform = new LogitTransform(priors.Select(p => p.Distribution.Support).ToArray());
        // The kernel's ridge is scaled by each prior's 90% width in the kernel's coordinates.
        _kernelScales = priors.Select((p, k) => Math.Max(Math.Abs(Coordinate(k, p.Distribution.Draw(0.95)) - Coordinate(k, p.Distribution.Draw(0.05))), 1e-300)).ToArray();
    }

    private double Coordinate(int k, double value)
    {
        var x = _priors.Select(p => p.Distribution.Median).ToArray();
        x[k] = value;
        return _transform.ToKernel(x)[k];
    }

    public IReadOnlyList<string> Paths => _paths;
    public AbcSettings Settings => _settings;

    /// <summary>ln π(θ): the sum of the parameters' log densities (−∞ outside the support).</summary>
    public double LogPrior(double[] theta)
    {
        double s = 0;
        for (int k = 0; k < theta.Length; k++) s += _priors[k].Distribution.LogDensity(theta[k]);
        return double.IsNaN(s) ? double.NegativeInfinity : s;
    }

    /// <summary>
    /// Runs populations until a stopping rule fires. <paramref name="progress"/> is called after every batch,
    /// <paramref name="onPopulation"/> after every complete population (write the checkpoint there). Cancellation
    /// throws OperationCanceledException; the last population given to onPopulation is the one to keep.
    /// With <paramref name="resumeFrom"/>, continues at population resumeFrom.Index + 1.
    /// </summary>
    public async Task<AbcResult> RunAsync(
        IAbcSimulator simulator,
        AbcPopulation? resumeFrom = null,
        Action<AbcProgress>? progress = null,
        Action<AbcPopulation>? onPopulation = null,
        CancellationToken ct = default)
    {
        var s = _settings;
        var populations = new List<AbcPopulation>();
        long run = 0;
        AbcPopulation previous;
        if (resumeFrom is null)
        {
            var (first, simulated) = await PriorPopulation(simulator, progress, ct);
            run += simulated;
            previous = first;
            onPopulation?.Invoke(previous);
        }
        else
        {
            CheckResumable(resumeFrom);
            previous = resumeFrom;
        }
        populations.Add(previous);

        while (true)
        {
            if (previous.Tolerance <= s.MinTolerance)
                return Done($"tolerance reached the observation-error floor ({Number(s.MinTolerance)})");
            if (previous.Index + 1 >= s.MaxPopulations)
                return Done($"reached the maximum of {s.MaxPopulations} populations (the last tolerance is {Number(previous.Tolerance)}, above the floor {Number(s.MinTolerance)})");

            int t = previous.Index + 1;
            double epsilon = Math.Max(WeightedQuantile.Of(previous.Distances, previous.Particles.Weights, s.Alpha), s.MinTolerance);
            long budget = s.MaxSimulations - previous.Simulations;
            long acceptanceCap = s.MinAcceptance > 0 ? (long)Math.Ceiling(s.Particles / s.MinAcceptance) : long.MaxValue;
            long limit = Math.Min(Math.Min(budget, acceptanceCap), int.MaxValue);

            var (next, simulated, accepted, tried) = await Population(simulator, previous, t, epsilon, limit, progress, ct);
            run += simulated;
            if (next is null)
            {
                string at = $"the result is population {t - 1}, the last complete one";
                if (budget <= acceptanceCap)
                    return Done($"the simulation budget ({s.MaxSimulations.ToString(CultureInfo.InvariantCulture)}) ran out in population {t} ({accepted} of {s.Particles} accepted at tolerance {Number(epsilon)}); {at}");
                return Done($"the acceptance rate fell below {Number(s.MinAcceptance)} in population {t} ({accepted} of {tried} candidates within tolerance {Number(epsilon)}); {at}");
            }
            previous = next;
            populations.Add(previous);
            onPopulation?.Invoke(previous);
        }

        AbcResult Done(string reason) => new(populations, previous, reason, previous.Simulations, run);
    }

    private void CheckResumable(AbcPopulation p)
    {
        if (!p.Particles.Paths.SequenceEqual(_paths))
            throw new ArgumentException("the population to resume from has other parameters than the priors");
        if (p.Particles.Count != _settings.Particles || p.Distances.Length != _settings.Particles)
            throw new ArgumentException($"the population to resume from has {p.Particles.Count} particles, the settings {_settings.Particles}");
    }

    /// <summary>Population 0: N draws from the prior, all accepted with equal weights; their distances set ε_1.</summary>
    private async Task<(AbcPopulation, long)> PriorPopulation(IAbcSimulator simulator, Action<AbcProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int n = _settings.Particles, batch = _settings.EffectiveBatchSize;
        var values = new double[n][];
        var distances = new double[n];
        for (int c = 0; c < n; c += batch)
        {
            ct.ThrowIfCancellationRequested();
            int size = Math.Min(batch, n - c);
            var candidates = new double[size][];
            for (int j = 0; j < size; j++)
            {
                var stream = Stream(0, c + j);
                var theta = new double[_priors.Count];
                for (int k = 0; k < theta.Length; k++) theta[k] = _priors[k].Distribution.Draw(stream.Uniform(k));
                candidates[j] = theta;
            }
            var d = await Simulate(simulator, candidates, c, ct);
            for (int j = 0; j < size; j++)
            {
                values[c + j] = candidates[j];
                distances[c + j] = double.IsNaN(d[j]) ? double.PositiveInfinity : d[j];
            }
            progress?.Invoke(new AbcProgress(0, double.PositiveInfinity, c + size, n, c + size, 1.0, null));
        }
        var set = new ParticleSet(_paths, values);
        return (new AbcPopulation(0, double.PositiveInfinity, set, distances, n, n, 1.0, clock.Elapsed.TotalSeconds), n);
    }

    /// <summary>
    /// Population t at tolerance ε: candidates 0, 1, ... (at most <paramref name="limit"/>) simulated in batches,
    /// the first N within ε kept. Null when the limit came first.
    /// </summary>
    private async Task<(AbcPopulation? Population, long Simulated, int Accepted, long Tried)> Population(
        IAbcSimulator simulator, AbcPopulation previous, int t, double epsilon, long limit,
        Action<AbcProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int n = _settings.Particles, batch = _settings.EffectiveBatchSize;
        var inKernel = new ParticleSet(_paths, previous.Particles.Values.Select(_transform.ToKernel).ToArray(), previous.Particles.Weights);
        var kernel = new PerturbationKernel(inKernel, _kernelScales);
        var values = new List<double[]>(n);
        var distances = new List<double>(n);
        long consumed = 0, c = 0;
        double previousEss = previous.EffectiveSampleSize;
        while (values.Count < n && c < limit)
        {
            ct.ThrowIfCancellationRequested();
            int size = (int)Math.Min(batch, limit - c);
            var candidates = new double[size][];
            int first = (int)c;
            Parallel.For(0, size, new ParallelOptions { CancellationToken = ct },
                j => candidates[j] = Propose(inKernel, kernel, t, first + j));
            var d = await Simulate(simulator, candidates, previous.Simulations + c, ct);
            for (int j = 0; j < size && values.Count < n; j++)
            {
                if (d[j] <= epsilon)
                {
                    values.Add(candidates[j]);
                    distances.Add(d[j]);
                    consumed = c + j + 1;
                }
            }
            c += size;
            progress?.Invoke(new AbcProgress(t, epsilon, values.Count, n, c, (double)values.Count / c, previousEss));
        }
        if (values.Count < n) return (null, c, values.Count, c);

        var particles = values.ToArray();
        var weights = Weights(inKernel, kernel, particles);
        var set = new ParticleSet(_paths, particles, weights);
        var population = new AbcPopulation(t, epsilon, set, distances.ToArray(), previous.Simulations + consumed, consumed,
            (double)n / consumed, clock.Elapsed.TotalSeconds);
        return (population, c, n, c);
    }

    /// <summary>
    /// Candidate c of population t: an ancestor picked by weight, moved by the kernel in the kernel's coordinates
    /// (<see cref="LogitTransform"/>), mapped back; redrawn (from further draws of the same stream) in the rare case
    /// that rounding puts it where the prior density is 0, so it is never simulated there.
    /// </summary>
    private double[] Propose(ParticleSet previous, PerturbationKernel kernel, int t, int candidate)
    {
        var stream = Stream(t, candidate);
        int d = _paths.Length;
        Span<double> z = d <= 256 ? stackalloc double[d] : new double[d];
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            int index = attempt * (d + 1);
            int ancestor = previous.Pick(stream.Uniform(index));
            for (int k = 0; k < d; k++) z[k] = stream.Normal(index + 1 + k);
            var theta = _transform.ToParameters(kernel.Move(previous.Values[ancestor], z));
            if (!double.IsNegativeInfinity(LogPrior(theta))) return theta;
        }
        throw new InvalidOperationException($"population {t}, candidate {candidate}: the kernel proposed {MaxRedraws} candidates outside the prior's support in a row");
    }

    /// <summary>
    /// w_i ∝ π_u(u_i) / Σ_j w_j K(u_i | u_j) in the kernel's coordinates u, where π_u(u) = π(θ(u)) |dθ/du|; in
    /// logarithms (a product of some fifty densities underflows), with the kernel evaluated in whitened coordinates
    /// and the sum by log-sum-exp. <paramref name="previous"/> is the previous population in the kernel's coordinates.
    /// </summary>
    private double[] Weights(ParticleSet previous, PerturbationKernel kernel, double[][] particles)
    {
        var olds = previous.Values.Select(kernel.Whiten).ToArray();
        var logOldW = previous.Weights.Select(w => Math.Log(w)).ToArray();
        var logW = new double[particles.Length];
        Parallel.For(0, particles.Length, i =>
        {
            var u = _transform.ToKernel(particles[i]);
            var y = kernel.Whiten(u);
            var terms = new double[olds.Length];
            double max = double.NegativeInfinity;
            for (int j = 0; j < olds.Length; j++)
            {
                double m = 0;
                var o = olds[j];
                for (int k = 0; k < y.Length; k++)
                {
                    double diff = y[k] - o[k];
                    m += diff * diff;
                }
                terms[j] = logOldW[j] - 0.5 * m;
                if (terms[j] > max) max = terms[j];
            }
            double sum = 0;
            for (int j = 0; j < terms.Length; j++) sum += Math.Exp(terms[j] - max);
            logW[i] = LogPrior(particles[i]) + _transform.LogJacobian(u) - (max + Math.Log(sum));
        });
        double top = logW.Max();
        return logW.Select(l => Math.Exp(l - top)).ToArray();
    }

    private async Task<double[]> Simulate(IAbcSimulator simulator, double[][] candidates, long firstSimulation, CancellationToken ct)
    {
        var d = await simulator.DistancesAsync(candidates, firstSimulation, ct);
        ct.ThrowIfCancellationRequested();
        if (d.Length != candidates.Length)
            throw new InvalidOperationException($"the simulator returned {d.Length} distances for {candidates.Length} candidates");
        return d;
    }

    private RandomStream Stream(int population, int candidate) =>
        new(_settings.Seed, candidate, population, 0, Purpose.AbcProposal);

    private static string Number(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("G4", CultureInfo.InvariantCulture);
}
