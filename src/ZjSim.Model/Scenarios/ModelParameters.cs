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
    public required PolicyParameters Policy { get; init; }
    public required TitleParameters SmartFactory { get; init; }
    public required TitleParameters FutureFactory { get; init; }
    public required PlatformParameters Platforms { get; init; }
    public required BrainParameters Brains { get; init; }
    public required ClusterOutputParameters ClusterOutput { get; init; }
    public required ValueParameters DigitalEconomy { get; init; }
    public required ValueParameters CoreIndustry { get; init; }
    public required ScienceParameters Science { get; init; }

    public void Validate(ParameterCheck c)
    {
        Years.Validate(c.At("years"));
        World.Validate(c.At("world"), Adoption);
        Adoption.Validate(c.At("adoption"));
        Policy.Validate(c.At("policy"));
        SmartFactory.Validate(c.At("smart_factory"));
        FutureFactory.Validate(c.At("future_factory"));
        Platforms.Validate(c.At("platforms"));
        Brains.Validate(c.At("brains"), Years);
        ClusterOutput.Validate(c.At("cluster_output"));
        DigitalEconomy.Validate(c.At("digital_economy"));
        CoreIndustry.Validate(c.At("core_industry"));
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
    double RevenueSigma,
    double Scale,
    SizeValues[] InitialLevelShares,
    List<ClusterParameters> Clusters)
{
    public void Validate(ParameterCheck c, AdoptionParameters adoption)
    {
        c.Range("above_size_enterprises", AboveSizeEnterprises, 0, 1e7);
        c.Range("key_sme_enterprises", KeySmeEnterprises, 0, 1e7);
        c.Range("revenue_sigma", RevenueSigma, 0, 5);
        c.Range("scale", Scale, 1e-6, 1);
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

public sealed record AdoptionParameters(
    SizeValues[] P,
    double[] Q,
    Dictionary<string, double> SectorPMultiplier,
    double BrainBoost,
    double PlatformBoost,
    double[] LevelBoostWeight)
{
    public void Validate(ParameterCheck c)
    {
        if (P.Length != 4) c.Fail("p", $"must list 4 rates, for moving up to levels 1..4 (got {P.Length})");
        for (int i = 0; i < P.Length; i++) P[i].ValidateProbability(c.At($"p[{i}]"));
        if (Q.Length != 4) c.Fail("q", $"must list 4 peer-effect coefficients, for levels 1..4 (got {Q.Length})");
        for (int i = 0; i < Q.Length; i++) c.Probability($"q[{i}]", Q[i]);
        foreach (var (k, v) in SectorPMultiplier) c.Range($"sector_p_multiplier.{k}", v, 0, 10);
        c.Probability("brain_boost", BrainBoost);
        c.Probability("platform_boost", PlatformBoost);
        if (LevelBoostWeight.Length != 4) c.Fail("level_boost_weight", $"must list 4 weights (got {LevelBoostWeight.Length})");
        for (int i = 0; i < LevelBoostWeight.Length; i++) c.Probability($"level_boost_weight[{i}]", LevelBoostWeight[i]);
    }
}

public sealed record PolicyParameters(
    SizeValues Push,
    double SubsidyShare,
    double SubsidyEffectLinear,
    double SubsidyEffectQuadratic,
    double PlatformPush,
    double DigitalClusterExtraGrowth)
{
    public void Validate(ParameterCheck c)
    {
        Push.ValidateProbability(c.At("push"));
        c.Probability("subsidy_share", SubsidyShare);
        c.Range("subsidy_effect_linear", SubsidyEffectLinear, 0, 10);
        c.Range("subsidy_effect_quadratic", SubsidyEffectQuadratic, 0, 100);
        c.Probability("platform_push", PlatformPush);
        c.Range("digital_cluster_extra_growth", DigitalClusterExtraGrowth, -0.5, 0.5);
    }
}

public sealed record TitleParameters(int MinLevel, double MinRevenue, bool RequiresSmartFactory, double GrantRate, double InitialCount)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("min_level", MinLevel, 1, 4);
        c.Range("min_revenue", MinRevenue, 0, 1e6);
        c.Probability("grant_rate", GrantRate);
        c.Range("initial_count", InitialCount, 0, 1e6);
    }
}

public sealed record PlatformParameters(TierValues InitialShare, TierValues YearlyProbability, double ThresholdOutput)
{
    public void Validate(ParameterCheck c)
    {
        InitialShare.ValidateProbability(c.At("initial_share"));
        YearlyProbability.ValidateProbability(c.At("yearly_probability"));
        c.Range("threshold_output", ThresholdOutput, 0, 1e5);
    }
}

public sealed record BrainParameters(int Initial, Dictionary<string, int> Plan, double DeliveryProbability, int ClustersPerBrain)
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
        c.Range("clusters_per_brain", ClustersPerBrain, 1, 100);
    }
}

public sealed record ClusterOutputParameters(TierValues Growth, double AdoptionElasticity, double NoiseSd, double DigitalClusterThreshold)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("digital_cluster_threshold", DigitalClusterThreshold, 0, 1e5);
        Growth.ValidateRange(c.At("growth"), -0.5, 0.5);
        c.Range("adoption_elasticity", AdoptionElasticity, 0, 20);
        c.Range("noise_sd", NoiseSd, 0, 0.5);
    }
}

public sealed record ValueParameters(double Initial, double BaseGrowth, double AdoptionElasticity, double NoiseSd)
{
    public void Validate(ParameterCheck c)
    {
        c.Range("initial", Initial, 0, 1e6);
        c.Range("base_growth", BaseGrowth, -0.5, 0.5);
        c.Range("adoption_elasticity", AdoptionElasticity, 0, 20);
        c.Range("noise_sd", NoiseSd, 0, 0.5);
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
