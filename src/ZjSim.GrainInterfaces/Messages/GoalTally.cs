namespace ZjSim.GrainInterfaces;

/// <summary>Across replications: in how many a goal was met.</summary>
[GenerateSerializer, Immutable, Alias("ZjSim.GoalTally")]
public sealed record GoalTally(
    [property: Id(0)] string Goal,
    [property: Id(1)] double Target,
    [property: Id(2)] int Met,
    [property: Id(3)] int Replications);
