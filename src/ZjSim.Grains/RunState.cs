using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// What a run grain keeps in storage so another silo can carry the run on: the request, when it started,
/// how it ended, and the steps that were retried. Replication outcomes are kept by the aggregator.
/// </summary>
[GenerateSerializer, Alias("ZjSim.RunState")]
internal sealed class RunState
{
    [Id(0)] public RunRequest? Request { get; set; }
    [Id(1)] public DateTime StartedUtc { get; set; }
    [Id(2)] public bool Finished { get; set; }
    [Id(3)] public string? Error { get; set; }
    [Id(4)] public double ElapsedSeconds { get; set; }
    [Id(5)] public int Completed { get; set; }
    [Id(6)] public long EnterpriseYears { get; set; }
    [Id(7)] public List<string> Retries { get; set; } = [];
}
