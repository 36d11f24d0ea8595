namespace ZjSim.Model;

/// <summary>The yearly indicators of a replication. Names are the snake_case used in indicators.csv.</summary>
public enum Indicator
{
    CoverageAboveSize,
    CoverageKeySme,
    IndustryBrains,
    FutureFactories,
    SmartFactories,
    PlatformCoverage10b,
    DigitalEconomyValue,
    CoreIndustryValue,
    ScienceProjects,
    InnovationAchievements,
    DigitalClusters100b,
    AdoptionIndex,
    ClustersServedByBrains,
}

public static class Indicators
{
    public static readonly Indicator[] All = Enum.GetValues<Indicator>();
    public static readonly string[] Names =
    [
        "coverage_above_size", "coverage_key_sme", "industry_brains", "future_factories", "smart_factories",
        "platform_coverage_10b", "digital_economy_value", "core_industry_value", "science_projects",
        "innovation_achievements", "digital_clusters_100b", "adoption_index", "clusters_served_by_brains",
    ];

    public static string Name(this Indicator i) => Names[(int)i];

    public static bool TryParse(string name, out Indicator indicator)
    {
        int i = Array.IndexOf(Names, name);
        indicator = i < 0 ? default : (Indicator)i;
        return i >= 0;
    }
}
