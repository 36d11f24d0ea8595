using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>An industry brain: launched in a year, serving the clusters the province's priority gave it.</summary>
public sealed class IndustryBrainGrain : Grain, IIndustryBrainGrain
{
    private BrainRecord? _record;

    public Task Launch(int year, int[] servedClusters)
    {
        _record ??= new BrainRecord(year, servedClusters);
        return Task.CompletedTask;
    }

    public Task<BrainRecord?> Get() => Task.FromResult(_record);
}
