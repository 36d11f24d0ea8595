namespace ZjSim.GrainInterfaces;

/// <summary>What an industry brain grain knows about itself.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.BrainRecord")]
public sealed record BrainRecord(
    [property: Id(0)] int Year,
    [property: Id(1)] int[] ServedClusters);
