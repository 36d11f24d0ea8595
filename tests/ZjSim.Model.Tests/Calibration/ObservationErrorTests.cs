using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Calibration;

/// <summary>Every observed figure's error model: the shipped file states one for each, and a bad one is refused by field.</summary>
public sealed class ObservationErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-obs-error-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ObservedData Shipped => ObservedData.Load(ObservedData.PathIn(TestConfig.Dir));

    [Fact]
    public void Every_shipped_figure_states_an_error_model_with_a_reason()
    {
        var data = Shipped;
        foreach (var s in data.Series)
            foreach (var p in s.Points)
            {
                var e = s.ErrorOf(p);
                Assert.True(e is not null, $"{s.Name} {p.AsOf} has no error model");
                Assert.Contains(e.Kind, ObservationError.Kinds);
                Assert.InRange(e.RelativeSd, double.Epsilon, 1 - 1e-9);
                Assert.False(string.IsNullOrWhiteSpace(e.Why), $"{s.Name} {p.AsOf}");
                Assert.Equal(p.IsLowerBound, e.IsLowerBound);
            }
    }

    [Fact]
    public void Every_fitted_point_of_the_calibration_has_an_error_model()
    {
        var data = Shipped;
        var distance = new ObservationDistance(data, baseYear: 2018, endYear: 2021);
        var fitted = data.Series.SelectMany(s => s.Points.Where(p => Backtest.IsFitted(s, p, 2018)).Select(p => (s, p))).ToList();
        Assert.Equal(fitted.Count, distance.Targets.Count);
        Assert.All(distance.Targets, t => Assert.InRange(t.Error.RelativeSd, double.Epsilon, 1 - 1e-9));
        Assert.All(distance.Targets, t => Assert.Equal(t.Error.RelativeSd * t.Point.Value, t.Sd, 12));
    }

    [Fact]
    public void The_shipped_errors_follow_their_sources()
    {
        var data = Shipped;
        ObservationError Of(string series, double year)
        {
            var s = data[series];
            return s.ErrorOf(s.Points.Single(p => p.ModelYear == year))!;
        }
        // 2020's share is 46.8% in one source and 43% in another: half the spread, relative to 46.8%.
        var de2020 = Of("digital_economy_value", 2020);
        Assert.Equal(ObservationError.DisagreeingSources, de2020.Kind);
        Assert.Equal((0.468 - 0.43) / 2 / 0.468, de2020.RelativeSd, 3);
        // "more than 800" stays one-sided.
        Assert.Equal(ObservationError.LowerBound, Of("core_industry_value", 2021).Kind);
        // A count published to the title: 1/sqrt(12) of a title.
        Assert.Equal(1 / Math.Sqrt(12) / 12, Of("future_factories", 2020).RelativeSd, 3);
        // The proxy is the least precise fitted figure, and says that its sd is an assumption.
        var proxy = Of("enterprises_using_digital_technology", 2020);
        Assert.Equal(ObservationError.Proxy, proxy.Kind);
        Assert.Contains("ASSUMPTION", proxy.Why);
        var targets = new ObservationDistance(data, 2018, 2021).Targets;
        Assert.Equal(proxy.RelativeSd, targets.Max(t => t.Error.RelativeSd));
        // A point's own error replaces its series' default; the others keep the default.
        Assert.Equal(ObservationError.Official, Of("digital_economy_value", 2021).Kind);
        Assert.Same(data["digital_economy_value"].Error, Of("digital_economy_value", 2021));
    }

    private const string Point = """{ "as_of": "2020", "model_year": 2020, "value": 10, "source": "s" """;
    private const string Good = """ "error": { "kind": "official", "relative_sd": 0.03, "why": "revisions" } """;

    [Theory]
    [InlineData($$"""{{Good}}, "points": [ {{Point}}, "error": { "kind": "guess", "relative_sd": 0.1, "why": "w" } } ]""", "series[0].points[0].error.kind")]
    [InlineData($$""" "error": { "relative_sd": 0.1, "why": "w" }, "points": [ {{Point}} } ]""", "series[0].error.kind")]
    [InlineData($$""" "error": { "kind": "rounded", "relative_sd": 0, "why": "w" }, "points": [ {{Point}} } ]""", "series[0].error.relative_sd")]
    [InlineData($$""" "error": { "kind": "rounded", "relative_sd": -0.1, "why": "w" }, "points": [ {{Point}} } ]""", "series[0].error.relative_sd")]
    [InlineData($$"""{{Good}}, "points": [ {{Point}} }, {{Point}}, "error": { "kind": "proxy", "why": "w" } } ]""", "series[0].points[1].error.relative_sd")]
    [InlineData($$""" "error": { "kind": "rounded", "relative_sd": "3%", "why": "w" }, "points": [ {{Point}} } ]""", "series[0].error.relative_sd")]
    [InlineData($$""" "error": { "kind": "rounded", "relative_sd": 0.1, "why": " " }, "points": [ {{Point}} } ]""", "series[0].error.why")]
    [InlineData($$""" "error": { "kind": "rounded", "relative_sd": 0.1, "why": "w", "sd": 3 }, "points": [ {{Point}} } ]""", "series[0].error.sd")]
    [InlineData($$""" "points": [ {{Point}} } ]""", "series[0].points[0].error")]
    [InlineData($$"""{{Good}}, "points": [ {{Point}}, "bound": "lower" } ]""", "series[0].points[0].error")]
    [InlineData($$"""{{Good}}, "points": [ {{Point}}, "bound": "lower", "error": { "kind": "proxy", "relative_sd": 0.1, "why": "w" } } ]""", "series[0].points[0].error.kind")]
    [InlineData($$"""{{Good}}, "points": [ {{Point}}, "error": { "kind": "lower_bound", "relative_sd": 0.1, "why": "w" } } ]""", "series[0].points[0].bound")]
    public void A_bad_error_model_is_named_by_its_field(string body, string field)
    {
        string path = Path.Combine(_dir, "observed.json");
        File.WriteAllText(path, $$"""{ "series": [ { "name": "x", "unit": "u", "indicator": "gdp", {{body}} } ] }""");
        var e = Assert.Throws<ConfigException>(() => ObservedData.Load(path));
        Assert.Equal(path, e.File);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Only_fitted_points_must_state_an_error()
    {
        string path = Path.Combine(_dir, "observed.json");
        File.WriteAllText(path, $$"""
            { "series": [
              { "name": "shown", "unit": "u", "indicator": "gdp", "fit": false, "points": [ {{Point}} } ] },
              { "name": "not_simulated", "unit": "u", "indicator": null, "points": [ {{Point}} } ] },
              { "name": "point_not_fitted", "unit": "u", "indicator": "gdp", "points": [ {{Point}}, "fit": false } ] } ] }
            """);
        var data = ObservedData.Load(path);
        Assert.All(data.Series, s => Assert.Null(s.ErrorOf(s.Points[0])));
    }

    [Fact]
    public void The_sd_is_relative_to_the_figure()
    {
        var e = new ObservationError(ObservationError.Rounded, 0.05, "w");
        Assert.Equal(5, e.Sd(100), 12);
        Assert.Equal(5, e.Sd(-100), 12);
    }
}
