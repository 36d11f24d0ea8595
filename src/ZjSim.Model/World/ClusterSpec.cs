namespace ZjSim.Model.World;

/// <summary>A cluster as laid out by the world builder: identity, tier and how many agents it holds.</summary>
public sealed record ClusterSpec(
    int Index,
    string Name,
    string Sector,
    Tier Tier,
    double InitialOutput,
    bool DigitalEconomy,
    int AboveSizeCount,
    int KeySmeCount,
    int FirstEnterpriseId,
    double MeanRevenue,
    double SectorPMultiplier)
{
    public int EnterpriseCount => AboveSizeCount + KeySmeCount;
}
