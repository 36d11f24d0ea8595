namespace ZjSim.GrainInterfaces;

/// <summary>Which grains carry the enterprises: one grain per enterprise, or cluster grains stepping them in batch.</summary>
[GenerateSerializer, Alias("ZjSim.Granularity")]
public enum Granularity
{
    Cluster = 0,
    Enterprise = 1,
}
