namespace ZjSim.Model.Inference;

/// <summary>
/// One complete ABC-SMC population: N weighted particles, each accepted at distance ≤ Tolerance
/// (∞ for population 0, the prior sample).
/// </summary>
/// <param name="Simulations">Candidates consumed through this population, cumulative. Counted up to the candidate
/// that gave the N-th acceptance, so it does not depend on the batch size (the simulator may have been asked for a
/// few more in the last batch: <see cref="AbcResult.SimulationsRun"/> counts those).</param>
/// <param name="PopulationSimulations">Candidates this population consumed.</param>
/// <param name="AcceptanceRate">N / PopulationSimulations.</param>
/// <param name="Seconds">Wall time of the population (the one field that is not reproducible).</param>
public sealed record AbcPopulation(
    int Index,
    double Tolerance,
    ParticleSet Particles,
    double[] Distances,
    long Simulations,
    long PopulationSimulations,
    double AcceptanceRate,
    double Seconds)
{
    public double EffectiveSampleSize => Particles.EffectiveSampleSize;
}
