using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// The distance between one simulated history and the record, for approximate Bayesian computation:
/// ρ = sqrt( (1/n) Σ z_i² ), z_i = (simulated_i − observed_i) / σ_i over the n fitted observations, with
/// σ_i = relative sd × |observed_i| from each point's stated error model (observed.json), and z_i = min(0, z_i)
/// for a "more than" figure.
/// </summary>
/// <remarks>
/// Why this form: under independent normal observation errors with these σ_i, Σ z_i² is the squared
/// Mahalanobis distance between simulation and record, so the distance ranks simulations exactly as the
/// Gaussian likelihood would, and each figure weighs as much as its source lets it (a proxy known to ten
/// points counts little, an official level known to 2–3% a lot). Dividing by n makes the scale readable:
/// ε = 1 means the simulation agrees with the record within the stated errors on average (a draw of the
/// errors themselves gives E[ρ²] = 1). A one-sided figure contributes only a shortfall, which is the
/// half-normal reading of "more than".
/// Targets are the fitted points (simulated series, series and point marked fit) after the scenario's base year
/// and up to its end year; with <c>through</c>, only those with model year ≤ through count (validation fits to
/// the record up to a year and scores the later ones, <see cref="HeldOut"/>).
/// </remarks>
public sealed class ObservationDistance
{
    private readonly ObservedData _data;

    /// <summary>The observations the distance sums over, in the file's order.</summary>
    public IReadOnlyList<ObservationTarget> Targets { get; }

    /// <summary>Fitted observations after <see cref="Through"/> up to the end year: the ones validation scores.</summary>
    public IReadOnlyList<ObservationTarget> HeldOut { get; }

    /// <summary>The last model year whose observations count, if the record is cut (validation).</summary>
    public int? Through { get; }

    public ObservationDistance(ObservedData data, Scenario scenario, int? through = null)
        : this(data, scenario.Parameters.Years.BaseYear, scenario.Parameters.Years.EndYear, through) { }

    public ObservationDistance(ObservedData data, int baseYear, int endYear, int? through = null)
    {
        _data = data;
        Through = through;
        var fitted = data.Series
            .SelectMany(s => s.Points.Select(p => (Series: s, Point: p)))
            .Where(x => Backtest.IsFitted(x.Series, x.Point, baseYear) && x.Point.ModelYear <= endYear)
            .Select(x => new ObservationTarget(x.Series, x.Point, x.Series.ErrorOf(x.Point)
                ?? throw new InvalidOperationException($"observation {x.Series.Name} {x.Point.AsOf} has no error model")))
            .ToList();
        Targets = fitted.Where(t => through is not int y || t.Point.ModelYear <= y).ToList();
        HeldOut = fitted.Where(t => through is int y && t.Point.ModelYear > y).ToList();
        if (Targets.Count == 0)
            throw new InvalidOperationException(through is int t
                ? $"no fitted observation between {baseYear + 1} and {t}: nothing to calibrate on"
                : $"no fitted observation between {baseYear + 1} and {endYear}: nothing to calibrate on");
    }

    /// <summary>The simulated value of a target in one replication's table (titles scaled back by <paramref name="scale"/>).</summary>
    public double Simulated(ObservationTarget target, IndicatorTable table, double scale) =>
        SeriesReading.Value(_data, target.Series, table, target.Point.ModelYear, scale);

    /// <summary>Each target's standardised error in one replication, in <see cref="Targets"/> order (diagnostics).</summary>
    public double[] Z(IndicatorTable table, double scale)
    {
        var z = new double[Targets.Count];
        for (int i = 0; i < z.Length; i++) z[i] = Targets[i].Z(Simulated(Targets[i], table, scale), scale);
        return z;
    }

    /// <summary>
    /// The distance of one replication from the record: sqrt(mean z²). NaN if the table lacks a value the
    /// record needs (an ABC step then rejects it: NaN ≤ ε is false).
    /// </summary>
    public double Distance(IndicatorTable table, double scale)
    {
        double sum = 0;
        // Summed in target order: the distance does not depend on anything but the table.
        foreach (var z in Z(table, scale)) sum += z * z;
        return Math.Sqrt(sum / Targets.Count);
    }
}
