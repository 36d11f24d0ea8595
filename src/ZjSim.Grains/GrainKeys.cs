namespace ZjSim.Grains;

/// <summary>How grain keys are composed, in one place: every grain of a run is prefixed by its run id.</summary>
public static class GrainKeys
{
    /// <summary>
    /// A lane runs one replication after another; its replication grain and cluster grains stay active from one
    /// replication to the next, so a replication costs calls, not a hundred grain activations and directory entries.
    /// </summary>
    public static string Lane(string runId, int lane) => $"{runId}/lane{lane}";
    public static string Cluster(string laneKey, int cluster) => $"{laneKey}/c{cluster}";
    public static string Enterprise(string runId, int replication, int enterprise) => $"{runId}/{replication}/e{enterprise}";
    public static string Brain(string runId, int replication, int brain) => $"{runId}/{replication}/b{brain}";
}
