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
    public double Z(double simulated) => Z(simulated, 1);

    /// <summary>
    /// z at a simulated share of the province: a count of titles simulated at scale s moves in steps of 1/s titles,
    /// so its reading carries a rounding error of sd (1/s)/√12 on top of the observation's own; without it an exact
    /// count (future factories, sd 0.29 title) would sit several sd away at any scale below 1, and put a floor
    /// under the tolerance that no parameter value could pass.
    /// </summary>
    public double Z(double simulated, double scale)
    {
        double sd = Sd;
        if (Series.ScalesWithWorld && scale < 1)
        {
            double step = 1 / scale;
            sd = Math.Sqrt(sd * sd + step * step / 12);
        }
        double z = (simulated - Point.Value) / sd;
        return IsLowerBound ? Math.Min(0, z) : z;
    }

    public override string ToString() => $"{Series.Name} {Point.AsOf}";
}
