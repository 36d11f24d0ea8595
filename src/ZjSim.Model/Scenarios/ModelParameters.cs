using ZjSim.Model.Agents;
using ZjSim.Model.World;

namespace ZjSim.Model.Scenarios;

// The full parameter set of the model. Defaults live in config/model.json (with sources and
// assumptions marked there and in docs/MODEL.md); a scenario overrides any subset.
// JSON keys are the snake_case of these property names.

public sealed record ModelParameters
{
    public required YearParameters Years { get; init; }
    public required WorldParameters World { get; init; }
    public required AdoptionParameters Adoption { get; init; }
    public required GovernmentParameters Government { get; init; }
    public required TitleParameters SmartFactory { get; init; }
    public required TitleParameters FutureFactory { get; init; }
    public required PlatformParameters Platforms { get; init; }
    public required BrainParameters Brains { get; init; }
    public required ClusterOutputParameters ClusterOutput { get; init; }
    public required ValueAddedParameters ValueAdded { get; init; }
    public required ScienceParameters Science { get; init; }

    public void Validate(ParameterCheck c)
    {
        Years.Validate(c.At("years"));
        World.Validate(c.At("world"), Adoption);
        Adoption.Validate(c.At("adoption"));
        Government.Validate(c.At("government"), Years);
        SmartFactory.Validate(c.At("smart_factory"), Years);
        FutureFactory.Validate(c.At("future_factory"), Years);
        Platforms.Validate(c.At("platforms"));
        Brains.Validate(c.At("brains"), Years);
        ClusterOutput.Validate(c.At("cluster_output"));
        ValueAdded.Validate(c.At("value_added"));
        Science.Validate(c.At("science"));
    }
}

/// <summary>A value per size class.</summary>
public sealed record SizeValues(double AboveSize, double KeySme)
{
    public double this[SizeClass s] => s == SizeClass.AboveSize ? AboveSize : KeySme;
    public void ValidateProbability(ParameterCheck c)
    {
        c.Probability("above_size", AboveSize);
        c.Probability("key_sme", KeySme);
    }
}

/// <summary>A value per cluster tier.</summary>
public sealed record TierValues(double WorldClass, double Characteristic, double RisingStar, double County)
{
    public double this[Tier t] => t switch
    {
        Tier.WorldClass => WorldClass,
        Tier.Characteristic => Characteristic,
        Tier.RisingStar => RisingStar,
        _ => County,
    };
    public void ValidateProbability(ParameterCheck c)
    {
        c.Probability("world_class", WorldClass);
        c.Probability("characteristic", Characteristic);
        c.Probability("rising_star", RisingStar);
        c.Probability("county", County);
    }
    public void ValidateRange(ParameterCheck c, double min, double max)
    {
        c.Range("world_class", WorldClass, min, max);
        c.Range("characteristic", Characteristic, min, max);
        c.Range("rising_star", RisingStar, min, max);
        c.Range("county", County, min, max);
    }
}

public sealed record YearParameters(int BaseYear, int EndYear)
{
    /// <summary>The year the province data describe; the world is initialised in it.</summary>
    public const int DataBaseYear = 2021;
    public const int LatestPlannedYear = 2035;
    /// <summary>The earliest year of the observed series (core industries, 2014): no backtest can start before it.</summary>
    public const int EarliestHistoricalStart = 2014;

    public void Validate(ParameterCheck c)
    {
        if (c.HistoricalStart)
        {
            // A backtest starts in an observed year and simulates only observed years, up to the base year.
            if (BaseYear < EarliestHistoricalStart || BaseYear >= DataBaseYear)
                c.Fail("base_year", $"a backtest must start in a year from {EarliestHistoricalStart} to {DataBaseYear - 1} (got {BaseYear})");
            if (EndYear <= BaseYear || EndYear > DataBaseYear)
                c.Fail("end_year", $"a backtest must end after base_year and at most in {DataBaseYear} (got {EndYear})");
            return;
        }
        if (BaseYear != DataBaseYear)
            c.Fail("base_year", $"must be {DataBaseYear}, the year the province data describe (got {BaseYear}); an earlier start is for backtest and calibrate only");
        if (EndYear <= BaseYear || EndYear > LatestPlannedYear)
            c.Fail("end_year", $"must be after base_year and at most {LatestPlannedYear} (got {EndYear})");
    }
}

public sealed record ClusterParameters(string Name, string Sector, Tier Tier, double Output, bool DigitalEconomy, int Count)
{
    public void Validate(ParameterCheck c, AdoptionParameters adoption)
    {
        if (string.IsNullOrWhiteSpace(Name)) c.Fail("name", "must not be empty");
        if (!adoption.SectorPMultiplier.ContainsKey(Sector))
            c.Fail("sector", $"unknown sector '{Sector}' (known: {string.Join(", ", adoption.SectorPMultiplier.Keys)})");
        c.Range("output", Output, 0, 1e5);
        c.Range("count", Count, 1, 1000);
    }
}

public sealed record WorldParameters(
    double AboveSizeEnterprises,
    double KeySmeEnterprises,
    double Scale,
    RevenueParameters Revenue,
    List<CityParameters> Cities,
    SizeValues[] InitialLevelShares,
    List<ClusterParameters> Clusters)
{
    public void Validate(ParameterCheck c, AdoptionParameters adoption)
    {
        c.Range("above_size_enterprises", AboveSizeEnterprises, 0, 1e7);
        c.Range("key_sme_enterprises", KeySmeEnterprises, 0, 1e7);
        c.Range("scale", Scale, 1e-6, 1);
        Revenue.Validate(c.At("revenue"), AboveSizeEnterprises);
        if (Cities.Count == 0 || Cities.Count > 64) c.Fail("cities", $"must list 1 to 64 cities (got {Cities.Count})");
        for (int i = 0; i < Cities.Count; i++) Cities[i].Validate(c.At($"cities[{i}]"), adoption);
        if (Cities.Count > 0 && Cities.Sum(x => x.Weight) <= 0) c.Fail("cities", "the weights must not all be 0");
        if (InitialLevelShares.Length != MaturityLevel.Count)
            c.Fail("initial_level_shares", $"must list {MaturityLevel.Count} levels (0..4), got {InitialLevelShares.Length}");
        else
        {
            for (int i = 0; i < InitialLevelShares.Length; i++)
                InitialLevelShares[i].ValidateProbability(c.At($"initial_level_shares[{i}]"));
            foreach (SizeClass s in Enum.GetValues<SizeClass>())
            {
                double sum = InitialLevelShares.Sum(x => x[s]);
                if (Math.Abs(sum - 1) > 1e-6)
                    c.Fail("initial_level_shares", $"the shares of {(s == SizeClass.AboveSize ? "above_size" : "key_sme")} must sum to 1 (got {sum:0.######})");
            }
        }
        if (Clusters.Count == 0) c.Fail("clusters", "must list at least one cluster");
        for (int i = 0; i < Clusters.Count; i++) Clusters[i].Validate(c.At($"clusters[{i}]"), adoption);
    }
}

/// <summary>How enterprises' revenue (million yuan) is drawn: lognormal, cut at the size line.</summary>
public sealed record RevenueParameters(double AboveSizeTotal, double SizeLine, double Sigma, double KeySmeMedian, double[] BandBounds, double InvestmentRatio)
{
    /// <summary>Bands the propensity reads: at most 8 (three bits of an enterprise's packed state).</summary>
    public const int MaxBands = 8;

    public void Validate(ParameterCheck c, double aboveSizeEnterprises)
    {
        c.Range("size_line", SizeLine, 1e-3, 1e6);
        c.Range("above_size_total", AboveSizeTotal, 0, 1e9);
        if (aboveSizeEnterprises > 0 && AboveSizeTotal / aboveSizeEnterprises * 1000 <= SizeLine)
            c.Fail("above_size_total", $"gives a mean revenue of {AboveSizeTotal / aboveSizeEnterprises * 1000:0.#} million yuan per above-size enterprise, not above the size line {SizeLine}");
        c.Range("sigma", Sigma, 0.05, 5);
        c.Range("key_sme_median", KeySmeMedian, 1e-3, 1e6);
        if (BandBounds.Length + 1 > MaxBands) c.Fail("band_bounds", $"must give at most {MaxBands - 1} bounds ({MaxBands} bands), got {BandBounds.Length}");
        for (int i = 0; i < BandBounds.Length; i++)
        {
            c.Range($"band_bounds[{i}]", BandBounds[i], 1e-3, 1e6);
            if (i > 0 && BandBounds[i] <= BandBounds[i - 1]) c.Fail("band_bounds", "must rise");
        }
        c.Range("investment_ratio", InvestmentRatio, 0, 10);
        if (!BandBounds.Contains(SizeLine)) c.Fail("band_bounds", $"must include the size line {SizeLine}, so that no band straddles the two size classes");
    }
}

/// <summary>A prefecture-level city: its integration tier (1..3) and its share of enterprises.</summary>
public sealed record CityParameters(string Name, int Tier, double Weight)
{
    public void Validate(ParameterCheck c, AdoptionParameters adoption)
    {
        if (string.IsNullOrWhiteSpace(Name)) c.Fail("name", "must not be empty");
        c.Range("tier", Tier, 1, adoption.CityTierMultiplier.Length);
        c.Range("weight", Weight, 0, 1e6);
    }
}

public sealed record AdoptionParameters(
    SizeValues[] P,
    double[] Q,
    double RevenueElasticity,
    Dictionary<string, double> SectorPMultiplier,
    double[] CityTierMultiplier,
    double SectorPeerWeight,
    double PlatformBoost,
    double[] LevelBoostWeight)
{
    /// <summary>City tiers an enterprise's packed state can hold (two bits).</summary>
    public const int MaxCityTiers = 4;

    public void Validate(ParameterCheck c)
    {
        if (P.Length != 4) c.Fail("p", $"must list 4 rates, for moving up to levels 1..4 (got {P.Length})");
        for (int i = 0; i < P.Length; i++) P[i].ValidateProbability(c.At($"p[{i}]"));
        if (Q.Length != 4) c.Fail("q", $"must list 4 peer-effect coefficients, for levels 1..4 (got {Q.Length})");
        for (int i = 0; i < Q.Length; i++) c.Probability($"q[{i}]", Q[i]);
        c.Range("revenue_elasticity", RevenueElasticity, -2, 2);
        foreach (var (k, v) in SectorPMultiplier) c.Range($"sector_p_multiplier.{k}", v, 0, 10);
        if (CityTierMultiplier.Length is 0 or > MaxCityTiers) c.Fail("city_tier_multiplier", $"must list 1 to {MaxCityTiers} multipliers (got {CityTierMultiplier.Length})");
        for (int i = 0; i < CityTierMultiplier.Length; i++) c.Range($"city_tier_multiplier[{i}]", CityTierMultiplier[i], 0, 10);
        c.Probability("sector_peer_weight", SectorPeerWeight);
        c.Probability("platform_boost", PlatformBoost);
        if (LevelBoostWeight.Length != 4) c.Fail("level_boost_weight", $"must list 4 weights (got {LevelBoostWeight.Length})");
        for (int i = 0; i < LevelBoostWeight.Length; i++) c.Probability($"level_boost_weight[{i}]", LevelBoostWeight[i]);
    }
}

/// <summary>The provincial government agent: its campaigns and how enterprises answer an offer of support.</summary>
public sealed record GovernmentParameters(double Acceptance, double SubsidyEffectLinear, double SubsidyEffectQuadratic, List<CampaignParameters> Campaigns)
{
    public void Validate(ParameterCheck c, YearParameters years)
    {
        c.Probability("acceptance", Acceptance);
        c.Range("subsidy_effect_linear", SubsidyEffectLinear, 0, 10);
        c.Range("subsidy_effect_quadratic", SubsidyEffectQuadratic, 0, 100);
        for (int i = 0; i < Campaigns.Count; i++) Campaigns[i].Validate(c.At($"campaigns[{i}]"), years);
    }
}

/// <summary>
/// A campaign: move enterprises of a size class up from <see cref="FromLevel"/> until <see cref="TargetShare"/> of them
/// are above it, by <see cref="Deadline"/>, with service providers (capacity) and subsidies (share of cost, cap per
/// enterprise, yearly budget). Money in million yuan per enterprise and billion yuan a year.
/// </summary>
public sealed record CampaignParameters(string Name, string Size, int FromLevel, double TargetShare, int Start, int Deadline,
    double Providers, double EnterprisesPerProvider, double SubsidyShare, double SubsidyCap, double StepCost, double Budget)
{
    /// <summary>The size class the campaign targets (a method, not a property: it is not a key of the file).</summary>
    public SizeClass TargetClass() => Size == "above_size" ? SizeClass.AboveSize : SizeClass.KeySme;

    public void Validate(ParameterCheck c, YearParameters years)
    {
        if (string.IsNullOrWhiteSpace(Name)) c.Fail("name", "must not be empty");
        if (Size is not ("above_size" or "key_sme")) c.Fail("size", $"must be above_size or key_sme (got '{Size}')");
        c.Range("from_level", FromLevel, 0, 3);
        c.Probability("target_share", TargetShare);
        c.Range("start", Start, YearParameters.EarliestHistoricalStart, YearParameters.LatestPlannedYear);
        if (Deadline < Start) c.Fail("deadline", $"must not be before start {Start} (got {Deadline})");
        c.Range("providers", Providers, 0, 1e6);
        c.Range("enterprises_per_provider", EnterprisesPerProvider, 0, 1e6);
        c.Probability("subsidy_share", SubsidyShare);
        c.Range("subsidy_cap", SubsidyCap, 0, 1e4);
        c.Range("step_cost", StepCost, 0, 1e4);
        c.Range("budget", Budget, 0, 1e4);
    }
}

/// <summary>
/// A title (smart or future factory): eligibility by grade (level) and investment, and the number recognised each year
/// (policy), granted among the eligible enterprises.
/// </summary>
public sealed record TitleParameters(int MinLevel, double MinInvestment, bool RequiresSmartFactory, Dictionary<string, double> Batches, double ApplicationRate, double InitialCount)
{
    public double BatchIn(int year) => Batches.TryGetValue(year.ToString(System.Globalization.CultureInfo.InvariantCulture), out var n) ? n : 0;

    public void Validate(ParameterCheck c, YearParameters years)
    {
        c.Range("min_level", MinLevel, 1, 4);
        c.Range("min_investment", MinInvestment, 0, 1e6);
        foreach (var (k, v) in Batches)
        {
            if (!int.TryParse(k, out int y) || y < YearParameters.EarliestHistoricalStart || y > YearParameters.LatestPlannedYear)
                c.Fail($"batches.{k}", $"must be a year from {YearParameters.EarliestHistoricalStart} to {YearParameters.LatestPlannedYear}");
            c.Range($"batches.{k}", v, 0, 1e6);
        }
        c.Probability("application_rate", ApplicationRate);
        c.Range("initial_count", InitialCount, 0, 1e6);
    }
}

public sealed record PlatformParameters(TierValues InitialShare, TierValues YearlyProbability, double DemandEffect, double ThresholdOutput)
{
    public void Validate(ParameterCheck c)
    {
        InitialShare.ValidateProbability(c.At("initial_share"));
        YearlyProbability.ValidateProbability(c.At("yearly_probability"));
        c.Range("demand_effect", DemandEffect, 0, 10);
        c.Range("threshold_output", ThresholdOutput, 0, 1e5);
    }
}

public sealed record BrainParameters(int Initial, Dictionary<string, int> Plan, double DeliveryProbability,
    double DemandEnterprises, double DemandProbability, double OnboardingCapacity, double Boost, double HalfNetwork)
{
    public int PlannedIn(int year) => Plan.TryGetValue(year.ToString(System.Globalization.CultureInfo.InvariantCulture), out var n) ? n : 0;

    public void Validate(ParameterCheck c, YearParameters years)
    {
        c.Range("initial", Initial, 0, 10_000);
        foreach (var (k, v) in Plan)
        {
            if (!int.TryParse(k, out int y) || y <= years.BaseYear || y > years.EndYear)
                c.Fail($"plan.{k}", $"must be a year from {years.BaseYear + 1} to {years.EndYear}");
            c.Range($"plan.{k}", v, 0, 10_000);
        }
        c.Probability("delivery_probability", DeliveryProbability);
        c.Range("demand_enterprises", DemandEnterprises, 1, 1e7);
        c.Probability("demand_probability", DemandProbability);
        c.Range("onboarding_capacity", OnboardingCapacity, 0, 1e7);
        c.Probability("boost", Boost);
        c.Range("half_network", HalfNetwork, 1, 1e7);
    }
}

public sealed record ClusterOutputParameters(TierValues Growth, double DigitalGrowth, double AdoptionElasticity, double NoiseSd, double DigitalClusterThreshold)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("digital_cluster_threshold", DigitalClusterThreshold, 0, 1e5);
        Growth.ValidateRange(c.At("growth"), -0.5, 0.5);
        c.Range("digital_growth", DigitalGrowth, -0.5, 0.5);
        c.Range("adoption_elasticity", AdoptionElasticity, 0, 20);
        c.Range("noise_sd", NoiseSd, 0, 0.5);
    }
}

/// <summary>Value added built from the bottom: core industries, industrial digitalisation, the rest, and GDP.</summary>
public sealed record ValueAddedParameters(double DigitalEconomyInitial, double CoreIndustryInitial, double IndustryValueAddedRatio,
    double[] LevelUplift, double OtherGrowth, double OtherNoiseSd, double GdpInitial, double GdpGrowth, double GdpNoiseSd)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("digital_economy_initial", DigitalEconomyInitial, 0, 1e6);
        c.Range("core_industry_initial", CoreIndustryInitial, 0, 1e6);
        c.Probability("industry_value_added_ratio", IndustryValueAddedRatio);
        if (LevelUplift.Length != MaturityLevel.Count) c.Fail("level_uplift", $"must list {MaturityLevel.Count} shares, for levels 0..4 (got {LevelUplift.Length})");
        for (int i = 0; i < LevelUplift.Length; i++) c.Probability($"level_uplift[{i}]", LevelUplift[i]);
        c.Range("other_growth", OtherGrowth, -0.5, 0.5);
        c.Range("other_noise_sd", OtherNoiseSd, 0, 0.5);
        c.Range("gdp_initial", GdpInitial, 0, 1e6);
        c.Range("gdp_growth", GdpGrowth, -0.5, 0.5);
        c.Range("gdp_noise_sd", GdpNoiseSd, 0, 0.5);
    }
}

public sealed record ScienceParameters(double ProjectsPlanned, double Realisation, double AchievementYield)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("projects_planned", ProjectsPlanned, 0, 600);
        c.Probability("realisation", Realisation);
        c.Probability("achievement_yield", AchievementYield);
    }
}
