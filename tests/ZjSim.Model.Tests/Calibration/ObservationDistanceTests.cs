using ZjSim.Model.Calibration;

namespace ZjSim.Model.Tests.Calibration;

/// <summary>The ABC distance sqrt(mean z²) on hand-made records and tables, where every z is known.</summary>
public sealed class ObservationDistanceTests
{
    private static ObservationError Error(double relativeSd, string kind = ObservationError.Official) => new(kind, relativeSd, "test");

    private static ObservedPoint At(double year, double value, ObservationError? error = null, bool fit = true, bool lower = false) =>
        new($"{year}", year, value, "made up", Fit: fit, Bound: lower ? ObservedPoint.LowerBound : null, Error: error);

    /// <summary>
    /// Digital economy 100 (2019) and 200 (2020) at 10%: σ 10 and 20. Core industries 50 (2020) at 20%: σ 10, and
    /// "more than" 80 (2021) at 5%: σ 4. Left out: the base year, a point marked not fitted, a series not fitted,
    /// a series the model does not simulate.
    /// </summary>
    private static ObservedData Record() => new([
        new ObservedSeries("digital_economy_value", "billion yuan", "digital_economy_value",
            [At(2018, 90), At(2019, 100), At(2020, 200), At(2021, 999, fit: false)], Error: Error(0.10)),
        new ObservedSeries("core_industry_value", "billion yuan", "core_industry_value",
            [At(2020, 50), At(2021, 80, Error(0.05, ObservationError.LowerBound), lower: true)], Error: Error(0.20)),
        new ObservedSeries("gdp", "billion yuan", "gdp", [At(2020, 1)], Fit: false),
        new ObservedSeries("platforms", "platforms", null, [At(2020, 1)]),
    ]);

    private static IndicatorTable Table(double core2021)
    {
        var t = new IndicatorTable(2018, 2021);
        t[2019, Indicator.DigitalEconomyValue] = 110;   // z = +1
        t[2020, Indicator.DigitalEconomyValue] = 170;   // z = −1.5
        t[2020, Indicator.CoreIndustryValue] = 30;      // z = −2
        t[2021, Indicator.CoreIndustryValue] = core2021;
        return t;
    }

    [Fact]
    public void The_targets_are_the_fitted_points_after_the_base_year()
    {
        var d = new ObservationDistance(Record(), baseYear: 2018, endYear: 2021);
        Assert.Equal(["digital_economy_value 2019", "digital_economy_value 2020", "core_industry_value 2020", "core_industry_value 2021"],
            d.Targets.Select(t => t.ToString()));
        Assert.Equal([10.0, 20, 10, 4], d.Targets.Select(t => t.Sd).Select(s => Math.Round(s, 12)));
        Assert.Empty(d.HeldOut);
        // The end year cuts the record as well.
        Assert.Equal(3, new ObservationDistance(Record(), 2018, 2020).Targets.Count);
    }

    [Fact]
    public void The_distance_is_the_root_mean_square_of_the_standardised_errors()
    {
        var d = new ObservationDistance(Record(), 2018, 2021);
        // 2021: 90 is more than 80, so it costs nothing: z = min(0, 2.5) = 0.
        Assert.Equal([1, -1.5, -2, 0], d.Z(Table(core2021: 90), scale: 1), new ToleranceComparer(1e-12));
        Assert.Equal(Math.Sqrt((1 + 2.25 + 4 + 0) / 4), d.Distance(Table(90), 1), 12);
        // A shortfall counts in full: 76 is one σ (4) below 80.
        Assert.Equal(-1, d.Z(Table(76), 1)[3], 12);
        Assert.Equal(Math.Sqrt((1 + 2.25 + 4 + 1) / 4), d.Distance(Table(76), 1), 12);
        // The record itself is at distance 0, however far above a lower bound the simulation is.
        var exact = Table(1e6);
        exact[2019, Indicator.DigitalEconomyValue] = 100;
        exact[2020, Indicator.DigitalEconomyValue] = 200;
        exact[2020, Indicator.CoreIndustryValue] = 50;
        Assert.Equal(0, d.Distance(exact, 1));
    }

    [Fact]
    public void A_lower_bound_is_one_sided_and_a_two_sided_point_is_not()
    {
        var lower = new ObservationTarget(Record().Series[0], At(2021, 80), Error(0.05, ObservationError.LowerBound));
        var twoSided = lower with { Error = Error(0.05) };
        Assert.Equal(0, lower.Z(120));
        Assert.Equal(10, twoSided.Z(120), 12);
        Assert.Equal(-10, lower.Z(40), 12);
        Assert.Equal(-10, twoSided.Z(40), 12);
    }

    [Fact]
    public void Through_keeps_the_record_up_to_a_year_and_holds_out_the_rest()
    {
        var d = new ObservationDistance(Record(), 2018, 2021, through: 2020);
        Assert.Equal(2020, d.Through);
        Assert.Equal(3, d.Targets.Count);
        Assert.All(d.Targets, t => Assert.True(t.Point.ModelYear <= 2020));
        Assert.Equal("core_industry_value 2021", Assert.Single(d.HeldOut).ToString());
        // The held-out shortfall (76 against "more than 80") no longer moves the distance.
        Assert.Equal(Math.Sqrt((1 + 2.25 + 4) / 3), d.Distance(Table(76), 1), 12);
        Assert.Equal(d.Distance(Table(90), 1), d.Distance(Table(76), 1));
        // Nothing left to fit is refused, not a division by zero.
        Assert.Throws<InvalidOperationException>(() => new ObservationDistance(Record(), 2018, 2021, through: 2018));
    }

    [Fact]
    public void Titles_are_scaled_back_to_the_province_before_comparison()
    {
        var data = new ObservedData([
            new ObservedSeries("smart_factories", "titles", "smart_factories", [At(2020, 100)], ScalesWithWorld: true, Error: Error(0.1))]);
        var table = new IndicatorTable(2018, 2021);
        table[2020, Indicator.SmartFactories] = 0.9;   // at scale 0.01: 90 titles, 10 short
        var d = new ObservationDistance(data, 2018, 2021);
        // σ = the observation's 10 titles and the rounding of steps of 1/scale = 100 titles: sqrt(10² + 100²/12)
        double sd = Math.Sqrt(100 + 100.0 * 100 / 12);
        Assert.Equal(-10 / sd, Assert.Single(d.Z(table, scale: 0.01)), 12);
        Assert.Equal(10 / sd, d.Distance(table, 0.01), 12);
        // at province scale a count is read as it is: no rounding is added
        table[2020, Indicator.SmartFactories] = 90;
        Assert.Equal(-1, Assert.Single(d.Z(table, scale: 1)), 12);
    }

    [Fact]
    public void A_fitted_point_without_an_error_model_is_refused()
    {
        var data = new ObservedData([new ObservedSeries("gdp", "billion yuan", "gdp", [At(2020, 1)])]);
        var e = Assert.Throws<InvalidOperationException>(() => new ObservationDistance(data, 2018, 2021));
        Assert.Contains("gdp", e.Message);
    }

    [Fact]
    public void The_shipped_record_and_historical_scenario_give_the_same_targets_as_the_years()
    {
        var data = ObservedData.Load(ObservedData.PathIn(TestConfig.Dir));
        var scenario = HistoricalStart.Load("baseline", TestConfig.Dir, 2018, 2021, 0.01);
        var fromScenario = new ObservationDistance(data, scenario, through: 2019);
        var fromYears = new ObservationDistance(data, 2018, 2021, through: 2019);
        Assert.Equal(fromYears.Targets.Select(t => t.ToString()), fromScenario.Targets.Select(t => t.ToString()));
        Assert.Equal(fromYears.HeldOut.Select(t => t.ToString()), fromScenario.HeldOut.Select(t => t.ToString()));
        Assert.Contains(fromScenario.Targets, t => t.Series.Name == "core_industry_value" && t.Point.ModelYear == 2019);
        Assert.Contains(fromScenario.HeldOut, t => t.Series.Name == "digital_economy_value" && t.Point.ModelYear == 2021);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
