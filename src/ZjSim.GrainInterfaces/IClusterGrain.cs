using ZjSim.Model;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// An industrial cluster in a lane of a run (keyed "run/laneN/cluster"), holding one replication at a time:
/// Initialize starts a replication, dropping the previous one. At `cluster` granularity it holds its enterprises
/// in batch; at `enterprise` granularity it steps one enterprise grain per member.
/// </summary>
[Alias("ZjSim.IClusterGrain")]
public interface IClusterGrain : IGrainWithStringKey
{
    [Alias("Initialize")] Task<ClusterReport> Initialize(Immutable<RunRequest> request, int replication, int clusterIndex);
    [Alias("Step")] Task<ClusterReport> Step(int year, bool brainServed);
    /// <summary>The lane is done: drop the state and deactivate.</summary>
    [Alias("Release")] Task Release();
}
