namespace ZjSim.Grains;

/// <summary>
/// Names that the silos and clients of one ZjSim service (one Orleans cluster, not an industrial cluster)
/// must agree on.
/// </summary>
public static class ServiceNames
{
    /// <summary>Orleans service and cluster id: the Redis membership key is "zjsim/members/zjsim".</summary>
    public const string ServiceId = "zjsim", ClusterId = "zjsim";

    /// <summary>The grain storage that holds what must outlive a silo: run requests, progress and outcomes.</summary>
    public const string Storage = "zjsim";

}
