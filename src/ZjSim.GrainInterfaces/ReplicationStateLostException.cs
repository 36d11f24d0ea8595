namespace ZjSim.GrainInterfaces;

/// <summary>
/// A grain that holds a replication's state in memory (a cluster or an enterprise) was called for a step
/// but has no state: its activation was lost, typically deactivated by Orleans when a silo holding its
/// directory entry died, and a fresh one took the call. The replication cannot go on; run it again.
/// </summary>
[GenerateSerializer, Alias("ZjSim.ReplicationStateLostException")]
public sealed class ReplicationStateLostException : Exception
{
    public ReplicationStateLostException() { }
    public ReplicationStateLostException(string message) : base(message) { }
}
