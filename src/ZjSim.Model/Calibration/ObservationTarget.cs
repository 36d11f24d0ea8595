namespace ZjSim.Model.Calibration;

/// <summary>
/// An observed point the distance compares a simulation with: its series, the point, the point's error
/// model and the standard deviation that follows from it (σ = relative sd × |observed|).
/// </summary>
public sealed record ObservationTarget(ObservedSeries Series, ObservedPoint Point, ObservationError Error)
{
    public double Sd => Error.Sd(Point.Value);

    public bool IsLowerBound => Error.IsLowerBound;

    /// <summary>
    /// The standardised error of a simulated value: z = (simulated − observed) / σ; for a lower bound
    /// ("more than") only a shortfall counts, so z = min(0, z).
    /// </summary>
    public double Z(double simulated)
    {
        double z = (simulated - Point.Value) / Sd;
        return IsLowerBound ? Math.Min(0, z) : z;
    }

    public override string ToString() => $"{Series.Name} {Point.AsOf}";
}
