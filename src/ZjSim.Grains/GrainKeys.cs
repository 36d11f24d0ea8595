namespace ZjSim.Grains;

/// <summary>How grain keys are composed, in one place: every grain of a run is prefixed by its run id.</summary>
internal static class GrainKeys
{
    /// <summary>A lane runs one replication after another on the same cluster grains.</summary>
    public static string Lane(string runId, int lane) => $"{runId}/lane{lane}";

    /// <summary>
    /// A lane's cluster and enterprise grains are keyed by an attempt too, new for each activation of the lane
    /// and after each failed replication: while a silo's death is sorted out, Orleans can briefly hold two
    /// activations of one lane, and the two must not step the same grains.
    /// </summary>
    public static string Attempt() => Guid.NewGuid().ToString("N")[..12];
    public static string Cluster(string laneKey, string attempt, int cluster) => $"{laneKey}/{attempt}/c{cluster}";
    public static string Enterprise(string runId, int replication, string attempt, int enterprise) => $"{runId}/{replication}/{attempt}/e{enterprise}";
    /// <summary>Brain number b of a lane's attempt, holding that brain in every replication of the lane's batch.</summary>
    public static string Brain(string laneKey, string attempt, int brain) => $"{laneKey}/{attempt}/b{brain}";
}
