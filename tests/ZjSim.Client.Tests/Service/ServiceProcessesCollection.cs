namespace ZjSim.Client.Tests.Service;

/// <summary>
/// The tests that start Redis and silo processes run alone, after the others: a silo starved of CPU
/// answers its membership probes late, and a kill test must not be decided by that.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceProcessesCollection
{
    public const string Name = "service processes";
}
