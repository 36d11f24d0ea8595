namespace ZjSim.Model.World;

/// <summary>Cluster tiers of the province's "415X" system, plus smaller county clusters.</summary>
public enum Tier : byte
{
    WorldClass = 0,
    Characteristic = 1,
    RisingStar = 2,
    County = 3,
}
