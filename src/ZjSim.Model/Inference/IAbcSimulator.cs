namespace ZjSim.Model.Inference;

/// <summary>What ABC-SMC needs from the model: the distance of each candidate's simulation from the record.</summary>
public interface IAbcSimulator
{
    /// <summary>
    /// One distance per candidate (values in the order of the priors' paths). Candidate j is simulation number
    /// <paramref name="firstSimulation"/> + j: use it as the replication index of its random streams, so every
    /// simulation is reproducible. NaN counts as infinitely far.
    /// </summary>
    Task<double[]> DistancesAsync(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct);
}
