namespace ZjSim.Grains;

/// <summary>How grain keys are composed, in one place: every grain of a run is prefixed by its run id.</summary>
public static class GrainKeys
{
    public static string Replication(string runId, int replication) => $"{runId}/{replication}";
    // A replication's cluster and enterprise grains are keyed by the attempt too: while a silo's death is
    // sorted out, two drivers of one replication can run at once, and must not step the same grains.
    public static string Attempt() => Guid.NewGuid().ToString("N")[..12];
    public static string Cluster(string runId, int replication, string attempt, int cluster) => $"{runId}/{replication}/{attempt}/c{cluster}";
    public static string Enterprise(string runId, int replication, string attempt, int enterprise) => $"{runId}/{replication}/{attempt}/e{enterprise}";
    public static string Brain(string runId, int replication, int brain) => $"{runId}/{replication}/b{brain}";
}
