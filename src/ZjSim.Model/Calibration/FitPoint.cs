namespace ZjSim.Model.Calibration;

/// <summary>An observed point in the calibration objective with the simulated mean over the replications.</summary>
public sealed record FitPoint(string Series, ObservedPoint Point, double Simulated)
{
    public double RelativeError => Point.RelativeError(Simulated);
}
