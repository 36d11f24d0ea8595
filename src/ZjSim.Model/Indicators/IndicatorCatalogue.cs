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
        "`brains.initial` + brains launched so far, by the plan or by demand (cumulative)",
        [Rule(typeof(BrainRule), nameof(BrainRule.Delivered)), Rule(typeof(BrainRule), nameof(BrainRule.DemandLaunches))], y => y.Brains);

    public static readonly Indicator FutureFactories = new("future_factories", "Future factories",
        IndicatorKind.Count, "factories (cumulative)",
        "enterprises holding the future-factory title (titles are never lost, so cumulative)",
        [.. EnterpriseTitles, Rule(typeof(RecognitionRule), nameof(RecognitionRule.GrantProbability))], y => y.FutureFactories);

    public static readonly Indicator SmartFactories = new("smart_factories", "Smart factories",
        IndicatorKind.Count, "factories (cumulative)",
        "enterprises holding the smart-factory title; with the defaults every future factory also holds it, so future factories are counted here too",
        [.. EnterpriseTitles, Rule(typeof(RecognitionRule), nameof(RecognitionRule.GrantProbability))], y => y.SmartFactories);

    public static readonly Indicator PlatformCoverage10b = new("platform_coverage_10b", "Platform coverage of clusters over 10 billion yuan",
        IndicatorKind.Share, "% of clusters",
        "among clusters whose end-of-year output is at least `platforms.threshold_output`, the share with a platform; 1 if no cluster reaches the threshold",
        [Rule(typeof(ClusterRules), nameof(ClusterRules.GainsPlatform)), Rule(typeof(ClusterRules), nameof(ClusterRules.NextOutput))],
        y => y.BigClusters == 0 ? 1 : (double)y.BigClustersWithPlatform / y.BigClusters);

    public static readonly Indicator DigitalEconomyValue = new("digital_economy_value", "Digital economy value added",
        IndicatorKind.BillionYuan, "billion yuan",
        "core industries + industrial digitalisation by the modelled enterprises + the digitalisation outside them (a trend), billion yuan",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.IndustrialDigitalisation)), Rule(typeof(ProvinceRules), nameof(ProvinceRules.Grow)),
         Rule(typeof(ClusterRules), nameof(ClusterRules.NextOutput))], y => y.DigitalEconomyValue);

    public static readonly Indicator CoreIndustryValue = new("core_industry_value", "Core digital industries value added",
        IndicatorKind.BillionYuan, "billion yuan",
        "the base year's core value added × the digital sector's cluster output ÷ its base-year output, billion yuan",
        [Rule(typeof(ClusterRules), nameof(ClusterRules.NextOutput))], y => y.CoreIndustryValue);

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
        "number of clusters whose sector at least one brain serves",
        [Rule(typeof(BrainRule), nameof(BrainRule.SectorFor))], y => y.ClustersServedByBrains, shown: false);

    public static readonly Indicator DigitalEconomyShareOfGdp = new("digital_economy_share_of_gdp", "Digital economy share of GDP",
        IndicatorKind.Share, "% of GDP",
        "digital economy value added ÷ GDP",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.Grow))], y => y.Gdp == 0 ? 0 : y.DigitalEconomyValue / y.Gdp);

    public static readonly Indicator Gdp = new("gdp", "GDP",
        IndicatorKind.BillionYuan, "billion yuan",
        "gross domestic product, nominal, billion yuan (a trend with noise)",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.Grow))], y => y.Gdp, shown: false);

    public static readonly Indicator IndustrialDigitalisation = new("industrial_digitalisation", "Industrial digitalisation by modelled enterprises",
        IndicatorKind.BillionYuan, "billion yuan",
        "Σ over the clusters outside the digital sector (whose value added is the core industries) of output × industry_value_added_ratio × the revenue-weighted mean of level_uplift over its enterprises' levels",
        [Rule(typeof(ProvinceRules), nameof(ProvinceRules.IndustrialDigitalisation))], y => y.IndustrialDigitalisation, shown: false);

    public static readonly Indicator BrainConnected = new("brain_connected", "Enterprises connected to industry brains",
        IndicatorKind.Count, "enterprises",
        "enterprises connected to a brain of their sector (cumulative; simulated world)",
        [Rule(typeof(BrainRule), nameof(BrainRule.Onboard)), Rule(typeof(EnterpriseRules), nameof(EnterpriseRules.Step))], y => y.ConnectedEnterprises, shown: false);

    public static readonly Indicator CampaignSpending = new("campaign_spending", "Campaign subsidies",
        IndicatorKind.BillionYuan, "billion yuan a year",
        "the government's expected subsidy paid in the year, at province scale (offers accepted × subsidy per enterprise)",
        [Rule(typeof(CampaignRule), nameof(CampaignRule.Offer))], y => y.CampaignSpending, shown: false);
}
