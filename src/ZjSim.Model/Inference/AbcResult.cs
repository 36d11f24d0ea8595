namespace ZjSim.Model.Inference;

/// <summary>
/// A finished calibration: its complete populations (from the resumed one on, when resumed), the last of them
/// (the posterior), why it stopped, and how many simulations it took.
/// </summary>
/// <param name="Simulations">Candidates consumed through the final population (cumulative, batch-independent).</param>
/// <param name="SimulationsRun">Simulations this call asked the simulator for: the surplus of last batches and an
/// abandoned population included (the cost).</param>
public sealed record AbcResult(
    IReadOnlyList<AbcPopulation> Populations,
    AbcPopulation Final,
    string StopReason,
    long Simulations,
    long SimulationsRun);
