namespace ZjSim.GrainInterfaces;

/// <summary>An industry brain in one replication (keyed "run/replication/brain"): when it launched and whom it serves.</summary>
[Alias("ZjSim.IIndustryBrainGrain")]
public interface IIndustryBrainGrain : IGrainWithStringKey
{
    [Alias("Launch")] Task Launch(int year, int[] servedClusters);
}
