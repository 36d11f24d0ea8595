namespace ZjSim.Model.Agents;

/// <summary>
/// One enterprise agent's state variables. Sector and cluster are the cluster's, so they are not stored. Revenue enters
/// the rules through its band (propensity) and two investment verdicts (titles); it is kept for reports.
/// </summary>
public struct EnterpriseState
{
    public SizeClass Size;
    public byte Level;
    public Titles Titles;
    /// <summary>Annual revenue, million yuan.</summary>
    public float Revenue;
    /// <summary>Revenue band (world.revenue.band_bounds), from 0.</summary>
    public byte Band;
    /// <summary>Prefecture-level city (world.cities), from 0, and its integration tier, from 0.</summary>
    public byte City;
    public byte CityTier;
    /// <summary>Connected to an industry brain of its sector.</summary>
    public bool Onboarded;
    /// <summary>Whether its investment (investment_ratio × revenue) reaches the smart- and future-factory minimums.</summary>
    public bool ReachesSmart;
    public bool ReachesFuture;
}
