using ZjSim.Model;
using ZjSim.Model.Rules;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// An industrial cluster in one attempt of a lane (keyed "run/laneN/attempt/cluster"), for a batch of replications
/// at a time: Initialize starts a batch over, and each call then advances the cluster one year in every replication
/// of the batch, so a cluster-year costs one call however many replications share it. At `cluster` granularity it
/// holds its enterprises in batch; at `enterprise` granularity it steps one enterprise grain per member and
/// replication. Steps must come in year order after Initialize; any other order means the grain is not the one the
/// caller initialized, and it fails with ReplicationStateLostException.
/// </summary>
[Alias("ZjSim.IClusterGrain")]
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>The base year of each replication in <paramref name="replications"/>; reports in the same order.</summary>
    [Alias("Initialize")] Task<ClusterStart> Initialize(Immutable<RunRequest> request, int[] replications, string attempt, int clusterIndex);

    /// <summary>One year in every replication of the batch; <paramref name="directives"/>[k] is replication k's.</summary>
    [Alias("Step")] Task<Immutable<ClusterReport[]>> Step(int year, Immutable<ClusterDirective[]> directives);

    /// <summary>The lane is done: drop the state and deactivate.</summary>
    [Alias("Release")] Task Release();
}
