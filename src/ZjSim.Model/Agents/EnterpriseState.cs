namespace ZjSim.Model.Agents;

/// <summary>
/// One enterprise agent's state variables. Sector and cluster are the cluster's, so they are not stored.
/// </summary>
public struct EnterpriseState
{
    public SizeClass Size;
    public byte Level;
    public Titles Titles;
    /// <summary>Annual revenue, million yuan.</summary>
    public float Revenue;
}
