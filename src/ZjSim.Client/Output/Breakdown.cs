namespace ZjSim.Client.Output;

/// <summary>`--by`: the extra outputs of a run per cluster or per sector (none by default).</summary>
public enum Breakdown
{
    None,
    Cluster,
    Sector,
}
