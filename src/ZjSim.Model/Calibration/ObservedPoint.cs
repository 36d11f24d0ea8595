namespace ZjSim.Model.Calibration;

/// <summary>
/// One sourced figure: what the source dates it (<see cref="AsOf"/>), the model state it is compared with
/// (<see cref="ModelYear"/>, fractional between two year ends), its value and source, and its own
/// <see cref="Error"/> model where it differs from its series' one.
/// </summary>
public sealed record ObservedPoint(
    string AsOf,
    double ModelYear,
    double Value,
    string Source,
    bool Fit = true,
    string? Bound = null,
    string? Note = null,
    ObservationError? Error = null)
{
    public const string LowerBound = "lower";

    public bool IsLowerBound => Bound == LowerBound;

    /// <summary>
    /// The point's error in the calibration objective: the simulated value's relative difference from the
    /// observed one; for a lower bound ("more than") only a shortfall counts.
    /// </summary>
    public double RelativeError(double simulated)
    {
        double e = (simulated - Value) / Value;
        return IsLowerBound ? Math.Min(0, e) : e;
    }
}
