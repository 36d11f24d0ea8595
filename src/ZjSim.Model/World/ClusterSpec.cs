namespace ZjSim.Model.World;

/// <summary>A cluster as laid out by the world builder: identity, sector, tier and how many agents it holds.</summary>
public sealed record ClusterSpec(
    int Index,
    string Name,
    string Sector,
    int SectorIndex,
    Tier Tier,
    double InitialOutput,
    bool DigitalEconomy,
    int AboveSizeCount,
    int KeySmeCount,
    int FirstEnterpriseId,
    double SectorPMultiplier)
{
    public int EnterpriseCount => AboveSizeCount + KeySmeCount;
    public bool IsDigitalSector => Sector == WorldLayout.DigitalSector;
}
