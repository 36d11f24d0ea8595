using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;

namespace ZjSim.Client.Results;

/// <summary>
/// A scenario's results, whether just simulated or read back from a run folder: what `show` prints,
/// what `compare` compares. Outcomes are ordered by replication.
/// </summary>
public sealed record RunRecord(
    string RunId,
    string Scenario,
    string Description,
    string ScenarioHash,
    ulong Seed,
    int RequestedReplications,
    bool Partial,
    string Granularity,
    double Scale,
    int FirstYear,
    int LastYear,
    string Version,
    IReadOnlyList<Goal> Goals,
    ReplicationOutcome[] Outcomes,
    string? Folder = null)
{
    public int Replications => Outcomes.Length;
}
