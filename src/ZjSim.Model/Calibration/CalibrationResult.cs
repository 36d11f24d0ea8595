namespace ZjSim.Model.Calibration;

/// <summary>What a calibration found: the fitted values (in the order of its parameters), the objective and each point's fit.</summary>
public sealed record CalibrationResult(
    IReadOnlyList<FitParameter> Parameters,
    IReadOnlyList<double> Values,
    double Objective,
    double StartObjective,
    IReadOnlyList<FitPoint> Points,
    IReadOnlyList<FitPoint> StartPoints,
    int Evaluations,
    bool Converged,
    double Seconds);
