namespace ZjSim.Model.World;

/// <summary>
/// Entity numbers for the random streams. Enterprises are numbered 0..N-1 across clusters;
/// clusters and the province have their own ranges so no two entities share a stream.
/// </summary>
public static class EntityIds
{
    public const int ClusterBase = 0x4000_0000;
    public const int Province = 0x7000_0000;

    public static int Cluster(int index) => ClusterBase + index;
}
