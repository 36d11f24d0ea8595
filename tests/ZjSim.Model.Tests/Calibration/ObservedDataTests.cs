using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Calibration;

public sealed class ObservedDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-observed-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ObservedData Shipped => ObservedData.Load(ObservedData.PathIn(TestConfig.Dir));

    [Fact]
    public void The_shipped_series_load_and_every_figure_has_a_source()
    {
        var data = Shipped;
        Assert.Contains(data.Series, s => s.Name == "digital_economy_value");
        Assert.All(data.Series.SelectMany(s => s.Points), p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.Equal([2065.8, 2330, 3020, 3570], data["digital_economy_value"].Points.Select(p => p.Value));
        Assert.Equal([5240.3, 5800.3, 6246.2, 6461.3, 7351.6], data["gdp"].Points.Select(p => p.Value));
        Assert.True(data["core_industry_value"].Points.Single(p => p.ModelYear == 2021).IsLowerBound);
        Assert.Equal([12, 32], data["future_factories"].Points.Select(p => p.Value));
        Assert.Equal([104, 263], data["smart_factories"].Points.Select(p => p.Value));
        Assert.Equal(30, data["industry_brains"].Points.Single().Value);
        Assert.Equal([65, 210], data["industrial_internet_platforms"].Points.Select(p => p.Value));
        Assert.False(data["industrial_internet_platforms"].IsSimulated);
        Assert.False(data["enterprises_on_the_cloud"].IsSimulated);          // a wider population than the model's
        Assert.True(data["gdp"].IsSimulated && data["gdp"].Fit);
        Assert.False(data["digital_economy_share_of_gdp"].Fit);             // the ratio of two fitted series
        Assert.Contains("PROXY", data["enterprises_using_digital_technology"].Note);
        // Every series says how far its figures may be off.
        Assert.All(data.Series, s => Assert.False(string.IsNullOrWhiteSpace(s.Note), s.Name));
    }

    [Theory]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": "happiness", "points": [ { "as_of": "2020", "model_year": 2020, "value": 1, "source": "s" } ] }""", "series[0].indicator")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "points": [ { "as_of": "2020", "model_year": 2020, "value": -1, "source": "s" } ] }""", "series[0].points[0].value")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "points": [ { "as_of": "2020", "model_year": 2020, "value": 1, "source": "" } ] }""", "series[0].points[0].source")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "points": [ { "as_of": "2020", "model_year": 2030, "value": 1, "source": "s" } ] }""", "series[0].points[0].model_year")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "points": [ { "as_of": "2020", "model_year": 2020, "value": 1, "source": "s", "bound": "upper" } ] }""", "series[0].points[0].bound")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "divide_by": "gdp", "points": [ { "as_of": "2020", "model_year": 2020, "value": 1, "source": "s" } ] }""", "series[0].divide_by")]
    [InlineData("""{ "name": "x", "unit": "u", "indicator": null, "points": [ { "as_of": "2020", "model_year": 2020, "value": 1, "source": "s", "colour": "red" } ] }""", "series[0].points[0].colour")]
    public void A_bad_series_is_named_by_its_field(string series, string field)
    {
        string path = Path.Combine(_dir, "observed.json");
        File.WriteAllText(path, $$"""{ "series": [ {{series}} ] }""");
        var e = Assert.Throws<ConfigException>(() => ObservedData.Load(path));
        Assert.Equal(path, e.File);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_date_inside_a_year_reads_the_straight_line_between_the_year_ends()
    {
        var data = Shipped;
        var table = new IndicatorTable(2018, 2021);
        table[2019, Indicator.SmartFactories] = 2;
        table[2020, Indicator.SmartFactories] = 6;
        var smart = data["smart_factories"];
        Assert.Equal((2 + 0.62 * 4) / 0.01, SeriesReading.Value(data, smart, table, 2019.62, scale: 0.01), 9);
        table[2020, Indicator.DigitalEconomyValue] = 3000;
        table[2020, Indicator.DigitalEconomyShareOfGdp] = 0.45;   // simulated now: read as it is, divided by nothing
        Assert.Equal(0.45, SeriesReading.Value(data, data["digital_economy_share_of_gdp"], table, 2020, 1), 12);
        // A series divided by another's observed figure (divide_by): no shipped series does, so a made-up one.
        var divided = new ObservedData([
            new ObservedSeries("share", "share", "digital_economy_value", [new ObservedPoint("2020", 2020, 0.5, "s")], DivideBy: "gdp"),
            data["gdp"]]);
        Assert.Equal(3000 / 6461.3, SeriesReading.Value(divided, divided["share"], table, 2020, 1), 12);
        Assert.True(SeriesReading.Covers(table, 2020.74));
        Assert.False(SeriesReading.Covers(table, 2021.5));
        Assert.False(SeriesReading.Covers(table, 2017));
    }

    [Fact]
    public void A_lower_bound_counts_only_a_shortfall()
    {
        var p = new ObservedPoint("2021", 2021, 800, "s", Bound: ObservedPoint.LowerBound);
        Assert.Equal(0, p.RelativeError(900));
        Assert.Equal(-0.1, p.RelativeError(720), 12);
        Assert.Equal(0.125, new ObservedPoint("2021", 2021, 800, "s").RelativeError(900), 12);
    }
}
