using ZjSim.Model.Analysis;

namespace ZjSim.Model.Experiments;

/// <summary>
/// Finds where a goal's probability crosses a target along one lever: bisection in which each midpoint is judged
/// by a sequential test (batches of replications until the Wilson interval lies wholly above or below the target,
/// or the per-point budget is spent). Batch b draws the same random streams at every lever value (common random
/// numbers), so the estimates at neighbouring values are positively correlated and their order is rarely
/// reversed by noise. Each test runs at level 1 - α/M for the M tests the search can make (Bonferroni), so the
/// final bracket holds the root with probability at least 1 - α when the probability is monotone in the lever.
/// </summary>
public sealed class StochasticRootFinder
{
    /// <summary>Runs batch <c>batch</c> (a fixed block of replications) at a lever value; one flag per replication.</summary>
    public delegate Task<bool[]> Evaluate(double lever, int batch, CancellationToken cancellation);

    public required double Target { get; init; }
    public required double Low { get; init; }
    public required double High { get; init; }
    /// <summary>The search stops when the bracket is this narrow (1 for a whole-number lever).</summary>
    public required double Tolerance { get; init; }
    public bool Integer { get; init; }
    public int MaxBatchesPerPoint { get; init; } = 10;
    public double Alpha { get; init; } = 0.05;

    public int MaxTests => (int)Math.Ceiling(Math.Log2(Math.Max(2, (High - Low) / Tolerance))) + 2;

    public async Task<SeekResult> FindAsync(Evaluate evaluate, CancellationToken cancellation = default)
    {
        if (!(Target > 0 && Target < 1)) throw new ArgumentOutOfRangeException(nameof(Target), "the target probability must lie in (0, 1)");
        if (!(Low < High)) throw new ArgumentException("the lever's low end must be below its high end");
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - Alpha / MaxTests / 2);
        var steps = new List<SeekStep>();
        int runs = 0;

        async Task<SeekStep> Judge(double lever)
        {
            int met = 0, n = 0;
            SeekStep step = null!;
            for (int b = 0; b < MaxBatchesPerPoint; b++)
            {
                var flags = await evaluate(lever, b, cancellation);
                met += flags.Count(f => f);
                n += flags.Length;
                var p = Proportion.Wilson(met, n, z);
                int verdict = p.Lower >= Target ? 1 : p.Upper < Target ? -1 : 0;
                step = new SeekStep(lever, n, met, p, verdict);
                if (verdict != 0) break;
            }
            runs += n;
            steps.Add(step);
            return step;
        }

        // The ends decide the direction: the probability rises with the lever if it is higher at the high end.
        var atLow = await Judge(Low);
        var atHigh = await Judge(High);
        bool rising = atHigh.Probability.Estimate >= atLow.Probability.Estimate;
        var (near, far) = rising ? (atLow, atHigh) : (atHigh, atLow);   // near: the end where the goal is least met
        if (far.Verdict < 0 || (far.Verdict == 0 && far.Probability.Estimate < Target))
            return new SeekResult(false, far.Lever, far.Probability, Low, High, runs, rising, steps);
        if (near.Verdict > 0)
            return new SeekResult(true, near.Lever, near.Probability, near.Lever, near.Lever, runs, rising, steps);

        // Invariant: "bad" does not meet the target (or is untold), "good" does.
        double bad = near.Lever, good = far.Lever;
        var best = far;
        while (Math.Abs(good - bad) > Tolerance)
        {
            double mid = (bad + good) / 2;
            if (Integer)
            {
                mid = rising ? Math.Floor(mid) : Math.Ceiling(mid);
                if (mid == bad || mid == good) break;
            }
            var step = await Judge(mid);
            if (step.Verdict > 0) { good = mid; best = step; }
            else if (step.Verdict < 0) bad = mid;
            else
            {
                // Indistinguishable from the target within the budget: the root is here, to the test's resolution.
                return new SeekResult(true, mid, step.Probability, Math.Min(bad, good), Math.Max(bad, good), runs, rising, steps);
            }
        }
        return new SeekResult(true, good, best.Probability, Math.Min(bad, good), Math.Max(bad, good), runs, rising, steps);
    }
}
