using ZjSim.Model.Rules;

namespace ZjSim.Model;

/// <summary>
/// The catalogue: every indicator a replication records, in table order. To add one, add an entry here with its
/// computation from <see cref="Simulation.ProvinceYear"/> (and, if the province does not yet combine what it needs,
/// that field); indicators.csv, the tables, the charts and the docs test pick it up.
/// </summary>
public sealed partial class Indicator
{
    // Declared before the entries: field initialisers run in order within this part, and the entries add themselves.
    private static readonly List<Indicator> Catalogue = [];

    /// <summary>Every indicator, in table order.</summary>
    public static IReadOnlyList<Indicator> All => Catalogue;

    private static readonly string[] Adoption = [Rule(typeof(AdoptionRule), nameof(AdoptionRule.Resolve)), Rule(typeof(EnterpriseRules), nameof(EnterpriseRules.Step))];
    private static readonly string[] EnterpriseTitles = [Rule(typeof(EnterpriseRules), nameof(EnterpriseRules.Initialize)), Rule(typeof(EnterpriseRules), nameof(EnterpriseRules.Step))];

    public static readonly Indicator CoverageAboveSize = new("coverage_above_size", "Coverage of above-size enterprises",
        IndicatorKind.Share, "% at level 1 or above",
        "above-size enterprises at level 1 or above ÷ all above-size enterprises (0 if there are none)",
        Adoption, y => y.AboveSize == 0 ? 0 : (double)y.AboveSizeCovered / y.AboveSize);

    public static readonly Indicator CoverageKeySme = new("coverage_key_sme", "Coverage of key-sub-sector SMEs",
        IndicatorKind.Share, "% at level 1 or above",
        "key SMEs at level 1 or above ÷ all key SMEs (0 if none)",
        Adoption, y => y.KeySme == 0 ? 0 : (double)y.KeySmeCovered / y.KeySme);

    public static readonly Indicator IndustryBrains = new("industry_brains", "Industry brains",
        IndicatorKind.Count, "brains (cumulative)",
        "`brains.initial` + brains delivered so far (cumulative)",
        [Rule(typeof(BrainRule), nameof(BrainRule.Delivered))], y => y.Brains);

    public static readonly Indicator FutureFactories = new("future_factories", "Future factories",
        IndicatorKind.Count, "factories (cumulative)",
        "enterprises holding the future-factory title (titles are never lost, so cumulative)",
        EnterpriseTitles, y => y.FutureFactories);

    public static readonly Indicator SmartFactories = new("smart_factories", "Smart factories",
        IndicatorKind.Count, "factories (cumulative)",
        "enterprises holding the smart-factory title; with the defaults every future factory also holds it, so future factories are counted here too",
        EnterpriseTitles, y => y.SmartFactories);

    public static readonly Indicator PlatformCoverage10b = new("platform_coverage_10b", "Platform coverage of clusters over 10 billion yuan",
        IndicatorKind.Share, "% of clusters",
        "among clusters whose end-of-year output is at least `platforms.threshold_output`, the share with a platform; 1 if no cluster reaches the threshold",
        [Rule(typeof(ClusterRules), nameof(ClusterRules.GainsPlatform)), Rule(typeof(ClusterRules), nameof(ClusterRules.NextOutput))],
        y => y.BigClusters == 0 ? 1 : (double)y.BigClustersWithPlatform / y.BigClusters);

    public static readonly Indicator DigitalEconomyValue = new("digital_economy_value", "Digital economy value added",
        IndicatorKind.BillionYuan, "billion yuan",
        "digital economy value added, billion yuan",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.NextValue))], y => y.DigitalEconomyValue);

    public static readonly Indicator CoreIndustryValue = new("core_industry_value", "Core digital industries value added",
        IndicatorKind.BillionYuan, "billion yuan",
        "core industries value added, billion yuan",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.NextValue))], y => y.CoreIndustryValue);

    public static readonly Indicator ScienceProjects = new("science_projects", "Science projects launched",
        IndicatorKind.Count, "projects a year",
        "science projects launched in the year (a yearly flow; not defined in the base year)",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.Science))], y => y.ScienceProjects);

    public static readonly Indicator InnovationAchievements = new("innovation_achievements", "Innovation achievements",
        IndicatorKind.Count, "achievements (cumulative)",
        "achievements accumulated from base_year + 1 to the year (not defined in the base year)",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.Science))], y => y.InnovationAchievements);

    public static readonly Indicator DigitalClusters100b = new("digital_clusters_100b", "Digital-economy clusters over 100 billion yuan",
        IndicatorKind.Count, "clusters",
        "clusters with the digital-economy flag whose output is at least `cluster_output.digital_cluster_threshold`",
        [Rule(typeof(ClusterRules), nameof(ClusterRules.NextOutput))], y => y.DigitalClusters100b);

    public static readonly Indicator AdoptionIndex = new("adoption_index", "Adoption index",
        IndicatorKind.Share, "% of the top level",
        "sum of all enterprises' levels ÷ (4 × number of enterprises), in [0, 1]; every enterprise weighs the same, so with the defaults key SMEs (about 78% of enterprises) dominate it",
        Adoption, y => y.AdoptionIndex, shown: false);

    public static readonly Indicator ClustersServedByBrains = new("clusters_served_by_brains", "Clusters served by industry brains",
        IndicatorKind.Count, "clusters",
        "number of clusters served by at least one brain",
        [Rule(typeof(BrainRule), nameof(BrainRule.Assign))], y => y.ClustersServedByBrains, shown: false);
}
