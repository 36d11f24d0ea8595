namespace ZjSim.Grains;

/// <summary>What an industry brain grain records about itself: its launch year and the clusters it serves.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.BrainRecord")]
internal sealed record BrainRecord(
    [property: Id(0)] int Year,
    [property: Id(1)] int[] ServedClusters);
