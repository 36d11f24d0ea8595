namespace ZjSim.Grains.Tests;

/// <summary>
/// The silo-killing tests run alone, after the others: a silo starved of CPU answers its membership
/// probes late, and with the shortened probe settings of these tests it could be declared dead too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverCollection
{
    public const string Name = "failover";
}
