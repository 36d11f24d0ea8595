using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// An industry brain of a lane, in every replication of the lane's current batch. Its records are a pure function of
/// the replication, so they live in memory only: a lost silo loses nothing a retried batch does not make again, and a
/// finished lane releases them (nothing stays behind in a long-lived silo).
/// </summary>
internal sealed class IndustryBrainGrain : Grain, IIndustryBrainGrain
{
    private readonly Dictionary<int, BrainLaunch> _launches = [];
    private int _batch = -1;

    public Task Launch(int batch, Immutable<BrainLaunch[]> launches)
    {
        if (batch != _batch) { _launches.Clear(); _batch = batch; }
        foreach (var launch in launches.Value) _launches.TryAdd(launch.Replication, launch);   // a retried launch keeps the first
        return Task.CompletedTask;
    }

    public Task Release()
    {
        _launches.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
