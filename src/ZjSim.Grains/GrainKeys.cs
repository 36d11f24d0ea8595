namespace ZjSim.Grains;

/// <summary>How grain keys are composed, in one place: every grain of a run is prefixed by its run id.</summary>
public static class GrainKeys
{
    public static string Replication(string runId, int replication) => $"{runId}/{replication}";
    public static string Cluster(string runId, int replication, int cluster) => $"{runId}/{replication}/c{cluster}";
    public static string Enterprise(string runId, int replication, int enterprise) => $"{runId}/{replication}/e{enterprise}";
    public static string Brain(string runId, int replication, int brain) => $"{runId}/{replication}/b{brain}";
}
