namespace ZjSim.Model.Calibration;

/// <summary>
/// How calibration simulates and searches. Every evaluation uses the same seed and replications (common
/// random numbers), so the objective is a deterministic function of the parameters.
/// </summary>
public sealed record CalibrationSettings(int Replications, ulong Seed, int MaxEvaluations)
{
    /// <summary>Nelder–Mead stops when the objective varies by less than this (relatively) over the simplex, twice running.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The first simplex's step, in logit units: about a quarter of the prior range around its median.</summary>
    public double InitialStep { get; init; } = 1.0;
}
