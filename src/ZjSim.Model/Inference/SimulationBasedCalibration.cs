using System.Diagnostics;
using ZjSim.Model.Calibration;
using ZjSim.Model.Random;

namespace ZjSim.Model.Inference;

/// <summary>
/// Simulation-based calibration of the ABC-SMC inference (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018): for
/// replication m, draw θ* from the prior, simulate one record at θ*, calibrate on that record, and take the rank of
/// each θ*_k among the posterior particles. If the inference returns the exact posterior, θ* is a draw from it, so each
/// rank is uniform on 0..L. ABC at a tolerance above zero returns a wider posterior than the exact one, which puts θ*
/// in the middle too often (a ∩-shaped histogram); a ∪ shape says the posterior is too narrow (over-confident); a
/// slope says it is biased. Every replication is a pure function of (settings.Seed, m): it can be rerun alone.
/// </summary>
public sealed class SimulationBasedCalibration
{
    /// <summary>Prior draws tried per replication before giving up (the model's rules refuse few combinations).</summary>
    public const int MaxRedraws = 100;

    private readonly CalibrationProblem _problem;
    private readonly AbcSettings _settings;
    private readonly double[] _priorWidths;

    public SimulationBasedCalibration(CalibrationProblem problem, AbcSettings settings)
    {
        settings.Validate();
        _problem = problem;
        _settings = settings;
        _priorWidths = problem.Priors.Select(p => p.Distribution.Draw(0.95) - p.Distribution.Draw(0.05)).ToArray();
    }

    public IReadOnlyList<string> Paths => _problem.Paths;

    /// <summary>θ* of replication m and its synthetic record, after <c>Redraws</c> refused draws.</summary>
    public (double[] Truth, ObservedData Record, int Redraws) SyntheticRecordOf(int m)
    {
        var paths = _problem.Paths;
        for (int a = 0; a < MaxRedraws; a++)
        {
            var stream = new RandomStream(_settings.Seed, m, a, 0, Purpose.SimulationBasedCalibration);
            var theta = _problem.Priors.Select((p, k) => p.Distribution.Draw(stream.Uniform(k))).ToArray();
            if (!CandidateBatch.IsValid(_problem.Scenario, paths, theta)) continue;
            var batch = CandidateBatch.ScenarioFor(_problem.Scenario, paths, [theta]);
            var table = InThreadSimulator.Simulate(batch, Mix(_settings.Seed, 1, (ulong)m, (ulong)a), 0);
            if (SyntheticRecord.From(_problem, table) is ObservedData record) return (theta, record, a);
        }
        throw new InvalidOperationException($"simulation-based calibration, replication {m}: {MaxRedraws} prior draws gave no usable record");
    }

    /// <summary>The seed of replication m's calibration: its own streams, apart from the record's.</summary>
    public ulong CalibrationSeed(int m) => Mix(_settings.Seed, 2, (ulong)m, 0);

    /// <summary>Replication m: draw, simulate, calibrate (in-thread), rank.</summary>
    public async Task<SbcReplication> RunAsync(int m, Action<AbcProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var (truth, record, redraws) = SyntheticRecordOf(m);
        ct.ThrowIfCancellationRequested();
        var synthetic = _problem.WithData(record);
        var settings = _settings with { Seed = CalibrationSeed(m) };
        var result = await new AbcSmc(_problem.Priors, settings).RunAsync(new InThreadSimulator(synthetic, settings.Seed), progress: progress, ct: ct);
        var posterior = result.Final.Particles;
        var ties = new RandomStream(_settings.Seed, m, MaxRedraws, 0, Purpose.SimulationBasedCalibration);
        var ranks = new int[truth.Length];
        var narrowing = new double[truth.Length];
        for (int k = 0; k < truth.Length; k++)
        {
            ranks[k] = Rank(posterior.Column(k), truth[k], ties.Uniform(k));
            narrowing[k] = _priorWidths[k] > 0 ? (posterior.Quantile(k, 0.95) - posterior.Quantile(k, 0.05)) / _priorWidths[k] : 1;
        }
        return new SbcReplication(m, truth, ranks, posterior.Count, narrowing, result.Populations.Count, result.Final.Tolerance,
            result.SimulationsRun, result.StopReason, redraws, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// How many draws lie below the true value; draws equal to it (a discrete prior, or an unmoved particle at θ*)
    /// count below with probability ½ each, by a uniform spread over 0..ties, so ties do not pile up at one end.
    /// </summary>
    public static int Rank(IReadOnlyList<double> draws, double truth, double uniform)
    {
        int below = draws.Count(x => x < truth), equal = draws.Count(x => x == truth);
        return below + Math.Min(equal, (int)(uniform * (equal + 1)));
    }

    /// <summary>SplitMix64 over (seed, purpose, a, b): independent seeds for the records and the calibrations.</summary>
    private static ulong Mix(ulong seed, ulong purpose, ulong a, ulong b)
    {
        ulong z = seed;
        foreach (ulong x in new[] { purpose, a, b })
        {
            z ^= 0x9E3779B97F4A7C15UL * (x + 1);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
        }
        return z;
    }
}
