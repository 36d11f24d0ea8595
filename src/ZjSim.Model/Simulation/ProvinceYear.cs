namespace ZjSim.Model.Simulation;

/// <summary>
/// The province at the end of one year of a replication, combined from the clusters' reports in cluster-index
/// order: what <see cref="ProvinceModel.Step"/> produces and what every indicator of the catalogue reads.
/// Science flows are NaN in the base year, which they do not define.
/// </summary>
public sealed record ProvinceYear
{
    public required int Year { get; init; }
    public required long AboveSize { get; init; }
    public required long AboveSizeCovered { get; init; }
    public required long KeySme { get; init; }
    public required long KeySmeCovered { get; init; }
    public required long Enterprises { get; init; }
    /// <summary>Sum of every enterprise's level.</summary>
    public required long LevelSum { get; init; }
    public required int SmartFactories { get; init; }
    public required int FutureFactories { get; init; }
    /// <summary>Clusters whose output reaches the platform goal's threshold, and those of them with a platform.</summary>
    public required int BigClusters { get; init; }
    public required int BigClustersWithPlatform { get; init; }
    public required int DigitalClusters100b { get; init; }
    public required int Brains { get; init; }
    public required int ClustersServedByBrains { get; init; }
    /// <summary>Enterprises connected to an industry brain.</summary>
    public required long ConnectedEnterprises { get; init; }
    public required double DigitalEconomyValue { get; init; }
    public required double CoreIndustryValue { get; init; }
    /// <summary>Industrial digitalisation built by the modelled enterprises (billion yuan).</summary>
    public required double IndustrialDigitalisation { get; init; }
    public required double Gdp { get; init; }
    /// <summary>The government's offers of support and expected subsidy this year (province scale; billion yuan).</summary>
    public required double CampaignOffers { get; init; }
    public required double CampaignSpending { get; init; }
    public required double ScienceProjects { get; init; }
    public required double InnovationAchievements { get; init; }

    /// <summary>Mean level / 4, in [0, 1].</summary>
    public double AdoptionIndex => Enterprises == 0 ? 0 : LevelSum / (4.0 * Enterprises);
}
