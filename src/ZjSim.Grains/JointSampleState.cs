namespace ZjSim.Grains;

/// <summary>What a joint-sample grain keeps in storage: the sample's JSON, exactly as its key was taken of.</summary>
[GenerateSerializer, Alias("ZjSim.JointSampleState")]
internal sealed class JointSampleState
{
    [Id(0)] public string? Json { get; set; }
}
