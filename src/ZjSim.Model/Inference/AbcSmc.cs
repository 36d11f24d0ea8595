using System.Diagnostics;
using System.Globalization;
using ZjSim.Model.Random;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Inference;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo with MCMC moves (Del Moral, Doucet &amp; Jasra 2012),
/// with adaptive tolerances (each the alpha-quantile of the previous population's distances, as pyabc's
/// QuantileEpsilon). Population 0 is N draws from the prior. Population t keeps the particles within ε_t, resamples
/// them to N, and moves each with Metropolis–Hastings steps of the ABC kernel (a normal proposal in the logit
/// coordinates of the priors' supports, with covariance 2.38²/d times the survivors'; accepted if its simulation is within
/// ε_t and by the prior ratio), so every population is an equally weighted sample of the prior restricted to
/// distances ≤ ε_t. An earlier version weighed proposals by population Monte Carlo weights (Beaumont et al. 2009):
/// with ~50 parameters the kernel-density denominator left one particle with nearly all the weight.
/// Every uniform comes from a stream keyed by (seed, particle, population, AbcProposal), and particle i's move m of a
/// population is always the same simulation number: the result is a pure function of the settings and the
/// simulator, whatever the batch size, and a resumed run equals an unbroken one bit for bit.
/// </summary>
public sealed class AbcSmc
{
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

            var (next, simulated, _, _) = await Population(simulator, previous, t, epsilon, budget, progress, ct);
            run += simulated;
            if (next is null)
                return Done($"the simulation budget ({s.MaxSimulations.ToString(CultureInfo.InvariantCulture)}) cannot pay for population {t}; the result is population {t - 1}, the last complete one");
            previous = next;
            populations.Add(previous);
            onPopulation?.Invoke(previous);
            if (previous.AcceptanceRate < s.MinAcceptance)
                return Done($"the moves' acceptance rate fell below {Number(s.MinAcceptance)} in population {t} ({Number(previous.AcceptanceRate)} at tolerance {Number(epsilon)}): smaller tolerances would leave the particles where they are");
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
    /// Population t at tolerance ε (Del Moral, Doucet & Jasra 2012): the previous particles within ε keep their weight,
    /// the others drop to 0; the survivors are resampled to N by weight; then each particle takes
    /// <see cref="AbcSettings.MovesPerPopulation"/> Metropolis–Hastings steps of the ABC kernel: a proposal from the
    /// normal kernel (2.38²/d times the survivors' covariance, in logit coordinates) is simulated and taken if its distance is
    /// within ε and a uniform falls below the prior ratio π_u(u′)/π_u(u). Every particle stays within ε, the weights stay
    /// equal, and no density of the proposal has to be estimated (which in ~50 dimensions leaves one particle with all
    /// the weight: the first calibrations with population Monte Carlo weights had an ESS of 1). Null when the budget
    /// runs out first.
    /// </summary>
    private async Task<(AbcPopulation? Population, long Simulated, int Accepted, long Tried)> Population(
        IAbcSimulator simulator, AbcPopulation previous, int t, double epsilon, long limit,
        Action<AbcProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int n = _settings.Particles, batch = _settings.EffectiveBatchSize, moves = Moves(previous);
        if ((long)n * moves > limit) return (null, 0, 0, 0);
        var survivors = new double[n];
        for (int i = 0; i < n; i++) survivors[i] = previous.Distances[i] <= epsilon ? previous.Particles.Weights[i] : 0;
        var alive = new ParticleSet(_paths, previous.Particles.Values, survivors);
        var inKernel = new ParticleSet(_paths, alive.Values.Select(_transform.ToKernel).ToArray(), alive.Weights);
        var kernel = new PerturbationKernel(inKernel, _kernelScales, 2.38 * 2.38 / _paths.Length);

        var values = new double[n][];
        var u = new double[n][];
        var logPrior = new double[n];
        var distances = new double[n];
        for (int i = 0; i < n; i++)
        {
            int ancestor = alive.Pick(Stream(t, i).Uniform(0));
            values[i] = alive.Values[ancestor];
            u[i] = inKernel.Values[ancestor];
            logPrior[i] = LogPrior(values[i]) + _transform.LogJacobian(u[i]);
            distances[i] = previous.Distances[ancestor];
        }
        double previousEss = alive.EffectiveSampleSize;
        int d = _paths.Length;
        long accepted = 0, simulated = 0;
        for (int m = 0; m < moves; m++)
        {
            for (int c = 0; c < n; c += batch)
            {
                ct.ThrowIfCancellationRequested();
                int size = Math.Min(batch, n - c);
                var proposals = new double[size][];
                var proposalsU = new double[size][];
                int first = c, move = m;
                Parallel.For(0, size, new ParallelOptions { CancellationToken = ct }, j =>
                {
                    var stream = Stream(t, first + j);
                    var z = new double[d];
                    int index = 1 + move * (d + 1);
                    for (int k = 0; k < d; k++) z[k] = stream.Normal(index + k);
                    proposalsU[j] = kernel.Move(u[first + j], z);
                    proposals[j] = _transform.ToParameters(proposalsU[j]);
                });
                var dist = await Simulate(simulator, proposals, previous.Simulations + simulated, ct);
                simulated += size;
                for (int j = 0; j < size; j++)
                {
                    int i = c + j;
                    if (!(dist[j] <= epsilon)) continue;
                    double lp = LogPrior(proposals[j]);
                    if (double.IsNegativeInfinity(lp)) continue;
                    lp += _transform.LogJacobian(proposalsU[j]);
                    double uniform = Stream(t, i).Uniform(1 + move * (d + 1) + d);
                    if (Math.Log(uniform) >= lp - logPrior[i]) continue;
                    values[i] = proposals[j];
                    u[i] = proposalsU[j];
                    logPrior[i] = lp;
                    distances[i] = dist[j];
                    accepted++;
                }
                progress?.Invoke(new AbcProgress(t, epsilon, (int)Math.Min(accepted, n), n, simulated, (double)accepted / simulated, previousEss));
            }
        }
        var set = new ParticleSet(_paths, values);
        var population = new AbcPopulation(t, epsilon, set, distances, previous.Simulations + simulated, simulated,
            (double)accepted / simulated, clock.Elapsed.TotalSeconds);
        return (population, simulated, (int)accepted, simulated);
    }

    /// <summary>
    /// Moves per particle in population t (Drovandi &amp; Pettitt 2011): enough that a particle moves at least once with
    /// probability 0.9 at the previous population's acceptance a, R = ⌈ln 0.1 / ln(1 − a)⌉, between
    /// <see cref="AbcSettings.MovesPerPopulation"/> and <see cref="AbcSettings.MaxMovesPerPopulation"/>. As the tolerance
    /// tightens fewer moves are accepted, and a fixed number of moves would leave more and more copies.
    /// </summary>
    private int Moves(AbcPopulation previous)
    {
        int low = _settings.MovesPerPopulation, high = Math.Max(low, _settings.MaxMovesPerPopulation);
        double a = previous.Index == 0 ? 1 : previous.AcceptanceRate;
        if (a >= 1) return low;
        if (a <= 0) return high;
        return (int)Math.Clamp(Math.Ceiling(Math.Log(0.1) / Math.Log(1 - a)), low, high);
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
