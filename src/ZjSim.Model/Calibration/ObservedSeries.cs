namespace ZjSim.Model.Calibration;

/// <summary>
/// A province series with its points, and how the model produces it: the indicator it is read from,
/// whether that count is of titles (divided by the world's scale) and whether it is a share of another
/// observed series (the digital economy's share of GDP); <see cref="Error"/> is its points' default error model.
/// </summary>
public sealed record ObservedSeries(
    string Name,
    string Unit,
    string? Indicator,
    List<ObservedPoint> Points,
    bool ScalesWithWorld = false,
    string? DivideBy = null,
    bool Fit = true,
    string? Note = null,
    ObservationError? Error = null)
{
    public bool IsSimulated => Indicator is not null;

    /// <summary>A point's error model: its own if it states one, else the series' default.</summary>
    public ObservationError? ErrorOf(ObservedPoint point) => point.Error ?? Error;

    public Indicator ModelIndicator =>
        Indicator is string name && Model.Indicators.TryParse(name, out var i) ? i : throw new InvalidOperationException($"series {Name} is not simulated");
}
