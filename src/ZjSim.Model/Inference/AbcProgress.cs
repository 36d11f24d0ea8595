namespace ZjSim.Model.Inference;

/// <summary>Where a population stands after a batch: what the calibrate command prints.</summary>
/// <param name="Accepted">Accepted so far (at most N).</param>
/// <param name="Simulations">Candidates simulated so far in this population.</param>
/// <param name="AcceptanceRate">Accepted / Simulations so far.</param>
/// <param name="PreviousEss">Effective sample size of the previous population (null for population 0).</param>
public sealed record AbcProgress(
    int Population,
    double Tolerance,
    int Accepted,
    int Particles,
    long Simulations,
    double AcceptanceRate,
    double? PreviousEss);
