namespace ZjSim.GrainInterfaces;

/// <summary>
/// A brain's year in one replication of a lane's batch: launched this year for <see cref="LaunchedSector"/> (−1 if it
/// already exists), or adding <see cref="Connected"/> enterprises it connected last year.
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.BrainYear")]
public sealed record BrainYear(
    [property: Id(0)] int Replication,
    [property: Id(1)] int LaunchedSector,
    [property: Id(2)] long Connected);
