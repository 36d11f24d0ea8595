namespace ZjSim.GrainInterfaces;

/// <summary>
/// Industry brain number b of a lane's attempt (keyed "run/laneN/attempt/bB"), in each replication of the lane's
/// batch: when it launched and which clusters it serves. One call per brain and year carries the launches of every
/// replication of the batch.
/// </summary>
[Alias("ZjSim.IIndustryBrainGrain")]
public interface IIndustryBrainGrain : IGrainWithStringKey
{
    /// <summary>Launches in the batch numbered <paramref name="batch"/>; a new batch number drops the previous batch's records.</summary>
    [Alias("Launch")] Task Launch(int batch, Immutable<BrainLaunch[]> launches);

    /// <summary>The lane is done: drop the records and deactivate.</summary>
    [Alias("Release")] Task Release();
}
