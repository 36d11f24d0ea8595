using ZjSim.Model.Analysis;

namespace ZjSim.Model.Calibration;

/// <summary>
/// How well the posterior predictive distribution of a fit to the record up to a year forecast one later (held-out)
/// observation: the predictive median with its central 50% and 90% bands over replications, whether the observation
/// lies inside each (<see cref="PredictiveBand.Covers"/>), and the CRPS in the observation's unit.
/// </summary>
/// <param name="Crps">
/// The continuous ranked probability score (<see cref="Analysis.Crps"/>). For a "more than X" figure it is the
/// threshold-weighted CRPS with weight 1{z &lt; X} (Gneiting &amp; Ranjan 2011): ∫_{−∞}^{X} F(z)² dz, the same for
/// every truth above X, so it is computable from the bound alone; it equals the CRPS of the ensemble censored at X,
/// min(x, X), against X, and charges only predictive mass below the bound.
/// </param>
public sealed record HeldOutScore(ObservationTarget Target, Interval Band50, Interval Band90, double Crps, int Replications)
{
    public double Observed => Target.Point.Value;
    public double Median => Band90.Estimate;
    public bool Inside50 => PredictiveBand.Covers(Band50, Target.Point);
    public bool Inside90 => PredictiveBand.Covers(Band90, Target.Point);

    /// <summary>CRPS over the observed figure's magnitude: comparable across series of different units.</summary>
    public double RelativeCrps => Crps / Math.Abs(Observed);

    /// <summary>Scores one held-out target from the replications' simulated values (NaN for a replication without one).</summary>
    public static HeldOutScore Of(ObservationTarget target, IReadOnlyList<double> simulated)
    {
        double y = target.Point.Value;
        double crps = target.IsLowerBound
            ? Analysis.Crps.Of(simulated.Select(x => double.IsNaN(x) ? x : Math.Min(x, y)).ToArray(), y)
            : Analysis.Crps.Of(simulated, y);
        return new HeldOutScore(target, Coverage.Central(simulated, 0.5), Coverage.Central(simulated, 0.9), crps, simulated.Count);
    }

    /// <summary>Every held-out target of <paramref name="distance"/>, scored on the replications' tables.</summary>
    public static IReadOnlyList<HeldOutScore> All(ObservationDistance distance, IReadOnlyList<IndicatorTable> tables, double scale) =>
        distance.HeldOut.Select(t => Of(t, tables.Select(table => distance.Simulated(t, table, scale)).ToArray())).ToList();
}
