using ZjSim.Model.Agents;

namespace ZjSim.Model.Simulation;

/// <summary>
/// An enterprise of the batch representation in 16 bits: level (bits 0–2), revenue band (3–5), city tier (6–7),
/// connected to a brain (8), the two titles (9–10), and whether its investment reaches the smart- and future-factory
/// minimums (11–12). Bits 0–8 are <see cref="Rules.EnterpriseRules.HazardIndex"/>. Revenue and city enter the rules
/// only through band, tier and the two verdicts, so they are not kept; <see cref="ClusterPopulation"/> recomputes them
/// from the enterprise's stream when asked. Size is the band's side of the size line.
/// </summary>
internal static class PackedEnterprise
{
    public const int LevelMask = 0b111;
    public const int BandShift = 3, TierShift = 6;
    public const int Connected = 1 << 8;
    public const int SmartFactory = 1 << 9;
    public const int FutureFactory = 1 << 10;
    public const int ReachesSmart = 1 << 11;
    public const int ReachesFuture = 1 << 12;
    /// <summary>What the yearly hazard depends on: level, band, tier, connection.</summary>
    public const int HazardMask = 0x1FF;
    /// <summary>Distinct packed states (13 bits).</summary>
    public const int States = 1 << 13;

    public static ushort Pack(in EnterpriseState s) => (ushort)(
        s.Level | (s.Band << BandShift) | (s.CityTier << TierShift)
        | (s.Onboarded ? Connected : 0)
        | ((s.Titles & Titles.SmartFactory) != 0 ? SmartFactory : 0)
        | ((s.Titles & Titles.FutureFactory) != 0 ? FutureFactory : 0)
        | (s.ReachesSmart ? ReachesSmart : 0)
        | (s.ReachesFuture ? ReachesFuture : 0));

    public static int Level(int packed) => packed & LevelMask;
    public static int Band(int packed) => (packed >> BandShift) & 0b111;
    public static int Tier(int packed) => (packed >> TierShift) & 0b11;

    /// <summary>A packed state as the rule holds it (revenue and city not kept).</summary>
    public static EnterpriseState Unpack(int packed, int firstAboveSizeBand) => new()
    {
        Size = Band(packed) >= firstAboveSizeBand ? SizeClass.AboveSize : SizeClass.KeySme,
        Level = (byte)Level(packed),
        Band = (byte)Band(packed),
        CityTier = (byte)Tier(packed),
        Onboarded = (packed & Connected) != 0,
        Titles = ((packed & SmartFactory) != 0 ? Titles.SmartFactory : 0) | ((packed & FutureFactory) != 0 ? Titles.FutureFactory : 0),
        ReachesSmart = (packed & ReachesSmart) != 0,
        ReachesFuture = (packed & ReachesFuture) != 0,
    };
}
