namespace ZjSim.Grains;

/// <summary>What an industry brain grain stores.</summary>
[GenerateSerializer, Alias("ZjSim.BrainState")]
internal sealed class BrainState
{
    [Id(0)] public BrainRecord? Record { get; set; }
}
