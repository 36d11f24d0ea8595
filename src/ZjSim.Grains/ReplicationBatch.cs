using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// How many replications a lane runs together, sharing each cluster-year's call. Larger batches cost fewer calls per
/// replication; a run still wants several batches per lane so that lanes finish together and progress moves. The
/// results never depend on it.
/// </summary>
internal static class ReplicationBatch
{
    /// <summary>The most replications one call carries: beyond it the calls saved no longer pay for the memory.</summary>
    public const int MaxSize = 32;

    /// <summary>
    /// Replications in flight at once over all lanes, at most (unless the batches are down to one): each holds its clusters'
    /// state (half a megabyte at province scale), so more lanes mean smaller batches rather than more memory.
    /// </summary>
    public const int MaxInFlight = 64;

    /// <summary>About four batches per lane, between 1 and <see cref="MaxSize"/> and at most <see cref="MaxInFlight"/> over the lanes, unless the request sets it.</summary>
    public static int Size(RunRequest request, int lanes) =>
        request.ReplicationsPerCall > 0
            ? Math.Min(request.ReplicationsPerCall, MaxSize)
            : Math.Clamp((request.Replications + 4 * lanes - 1) / (4 * lanes), 1, Math.Clamp(MaxInFlight / Math.Max(1, lanes), 1, MaxSize));
}
