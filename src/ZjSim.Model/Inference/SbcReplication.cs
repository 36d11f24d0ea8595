namespace ZjSim.Model.Inference;

/// <summary>
/// One replication of simulation-based calibration: the true parameters drawn from the prior, the rank of each among
/// the posterior's particles (0..Particles: how many particles lie below it), and how much the synthetic record
/// narrowed each parameter (posterior over prior 90% width).
/// </summary>
/// <param name="Redraws">Prior draws refused before this one: the model's validation rejected the combination, or its
/// record had a value that cannot be an observation (selecting on the record keeps the ranks uniform).</param>
public sealed record SbcReplication(
    int Index,
    double[] Truth,
    int[] Ranks,
    int Particles,
    double[] Narrowing,
    int Populations,
    double FinalTolerance,
    long Simulations,
    string StopReason,
    int Redraws,
    double Seconds);
