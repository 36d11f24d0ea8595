namespace ZjSim.Model.Analysis;

/// <summary>
/// Central prediction intervals of an ensemble and whether an observation falls inside them: the interval
/// coverage a held-out validation reports (a calibrated forecast puts about 50% of observations inside its
/// central 50% intervals and 90% inside its 90% ones). Quantiles are <see cref="Quantiles"/>' R-7.
/// </summary>
public static class Coverage
{
    /// <summary>The central interval holding <paramref name="level"/> of the ensemble (median as the estimate).</summary>
    public static Interval Central(IReadOnlyList<double> ensemble, double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a central interval's level lies in (0, 1)");
        var sorted = ensemble.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("the ensemble has no value", nameof(ensemble));
        double tail = (1 - level) / 2;
        return new Interval(Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, tail), Quantiles.OfSorted(sorted, 1 - tail));
    }

    /// <summary>Whether the observation lies inside the ensemble's central interval at the level (ends included).</summary>
    public static bool Inside(IReadOnlyList<double> ensemble, double observation, double level)
    {
        var band = Central(ensemble, level);
        return observation >= band.Lower && observation <= band.Upper;
    }

    /// <summary>Whether the observation lies inside the central 50% interval.</summary>
    public static bool Inside50(IReadOnlyList<double> ensemble, double observation) => Inside(ensemble, observation, 0.5);

    /// <summary>Whether the observation lies inside the central 90% interval.</summary>
    public static bool Inside90(IReadOnlyList<double> ensemble, double observation) => Inside(ensemble, observation, 0.9);

    /// <summary>The share of observations inside their intervals, with its Wilson 95% interval (few held-out points: say how few).</summary>
    public static Interval Rate(IReadOnlyCollection<bool> inside) =>
        Proportion.Wilson(inside.Count(b => b), inside.Count);
}
