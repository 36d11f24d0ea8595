using ZjSim.Model;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// An industrial cluster in one attempt of a lane (keyed "run/laneN/attempt/cluster"), one replication at a
/// time: Initialize starts a replication over. At `cluster` granularity it holds its enterprises in batch; at
/// `enterprise` granularity it steps one enterprise grain per member. Steps must come in year order after
/// Initialize; any other order means the grain is not the one the caller initialized, and it fails with
/// ReplicationStateLostException.
/// </summary>
[Alias("ZjSim.IClusterGrain")]
public interface IClusterGrain : IGrainWithStringKey
{
    [Alias("Initialize")] Task<ClusterStart> Initialize(Immutable<RunRequest> request, int replication, string attempt, int clusterIndex);
    [Alias("Step")] Task<ClusterReport> Step(int year, bool brainServed);
    /// <summary>The lane is done: drop the state and deactivate.</summary>
    [Alias("Release")] Task Release();
}
