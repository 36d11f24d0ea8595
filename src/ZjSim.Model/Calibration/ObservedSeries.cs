namespace ZjSim.Model.Calibration;

/// <summary>
/// A province series with its points, and how the model produces it: the indicator it is read from,
/// whether that count is of titles (divided by the world's scale) and whether it is a share of another
/// observed series (the digital economy's share of GDP).
/// </summary>
public sealed record ObservedSeries(
    string Name,
    string Unit,
    string? Indicator,
    List<ObservedPoint> Points,
    bool ScalesWithWorld = false,
    string? DivideBy = null,
    bool Fit = true,
    string? Note = null)
{
    public bool IsSimulated => Indicator is not null;

    public Indicator ModelIndicator =>
        Indicator is string name && Model.Indicators.TryParse(name, out var i) ? i : throw new InvalidOperationException($"series {Name} is not simulated");
}
