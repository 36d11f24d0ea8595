namespace ZjSim.GrainInterfaces;

/// <summary>A run's progress as the client polls it. Retries lists, oldest first, each step the cluster had to redo.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.RunProgress")]
public sealed record RunProgress(
    [property: Id(0)] int Completed,
    [property: Id(1)] int Total,
    [property: Id(2)] bool Finished,
    [property: Id(3)] string? Error,
    [property: Id(4)] long EnterpriseYears,
    [property: Id(5)] double ElapsedSeconds,
    [property: Id(6)] string[]? Retries = null)
{
    public static RunProgress NotStarted { get; } = new(0, 0, false, null, 0, 0);
}
