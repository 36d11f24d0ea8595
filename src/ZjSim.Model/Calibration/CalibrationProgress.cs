namespace ZjSim.Model.Calibration;

/// <summary>After each evaluation of the objective: how many so far, this one's value and the best yet.</summary>
public sealed record CalibrationProgress(int Evaluation, double Objective, double Best, IReadOnlyList<double> Values, bool IsNewBest);
