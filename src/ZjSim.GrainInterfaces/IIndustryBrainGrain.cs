using ZjSim.Model.Agents;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// Industry brain number b of a lane's attempt (keyed "run/laneN/attempt/bB"), in each replication of the lane's
/// batch: the agent that holds the brain's record (sector, launch year, enterprises connected). One call per brain and
/// year carries every replication of the batch, and the replications read the records it returns.
/// </summary>
[Alias("ZjSim.IIndustryBrainGrain")]
public interface IIndustryBrainGrain : IGrainWithStringKey
{
    /// <summary>
    /// The year in the batch numbered <paramref name="batch"/> (a new number drops the previous batch's records): launches
    /// and connections applied, and the records returned in the order of <paramref name="work"/>. A replication whose
    /// brain the grain does not hold (a lost activation) fails with ReplicationStateLostException.
    /// </summary>
    [Alias("Step")] Task<Immutable<BrainRecord[]>> Step(int batch, int year, Immutable<BrainYear[]> work);

    /// <summary>The lane is done: drop the records and deactivate.</summary>
    [Alias("Release")] Task Release();
}
