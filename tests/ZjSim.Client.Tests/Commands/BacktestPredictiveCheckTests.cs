using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Commands;

/// <summary>
/// `zjsim backtest --parameters posterior|median|prior` on a copy of config/ whose calibrated.json names a synthetic
/// posterior: GDP growth spread over 4% to 10% a year and the 2018 core-industry value (start_only) over its range.
/// </summary>
public sealed class BacktestPredictiveCheckTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private const int Particles = 8;

    public BacktestPredictiveCheckTests()
    {
        _cli.Config = CliHarness.CopyConfig(_cli.Path("config"));
        string folder = Path.Combine(_cli.Config, "zhejiang");
        var values = Enumerable.Range(0, Particles)
            .Select(i => new[] { 0.04 + 0.06 * i / (Particles - 1), 530 + 45.0 * ((i * 3) % Particles) / (Particles - 1) }).ToArray();
        string[] paths = ["value_added.gdp_growth", "value_added.core_industry_initial"];
        string csv = Path.Combine(folder, PosteriorFile.CsvName);
        File.WriteAllText(csv, PosteriorFile.Csv(new ParticleSet(paths, values)));
        var json = new JsonObject
        {
            ["method"] = "synthetic", ["csv"] = PosteriorFile.CsvName, ["csv_sha256"] = PosteriorFile.Sha256(csv),
            ["scenario"] = "baseline", ["from"] = 2018, ["through"] = 2021, ["scale"] = 0.02, ["seed"] = 1, ["particles"] = Particles,
            ["parameters"] = new JsonArray(
                new JsonObject { ["path"] = paths[0], ["prior"] = new JsonObject { ["dist"] = "uniform", ["min"] = 0.04, ["max"] = 0.1 }, ["start_only"] = false },
                new JsonObject { ["path"] = paths[1], ["prior"] = new JsonObject { ["dist"] = "triangular", ["min"] = 528, ["mode"] = 550.7, ["max"] = 577 }, ["start_only"] = true }),
        };
        File.WriteAllText(Path.Combine(folder, PosteriorFile.JsonName), json.ToJsonString());
        string calibrated = Path.Combine(folder, "calibrated.json");
        var file = ScenarioLoader.ReadObject(calibrated);
        file["posterior"] = PosteriorFile.CsvName;
        File.WriteAllText(calibrated, file.ToJsonString());
    }

    private Task<CliHarness.Result> Backtest(string parameters) =>
        _cli.Run("backtest", "--parameters", parameters, "--replications", "20", "--scale", "0.02", "--seed", "7");

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [Theory]
    [InlineData("posterior", "parameters: posterior (a posterior predictive check), parameters drawn per replication from the posterior (8 particles, 2 parameters, zhejiang/posterior.csv)")]
    [InlineData("median", "parameters: the posterior medians in every replication (no parameter uncertainty)")]
    [InlineData("prior", "parameters: prior draws (config/zhejiang/priors.json): what the model says before the record is read")]
    public async Task The_header_says_where_the_parameters_come_from_and_the_closing_line_counts_the_table(string parameters, string header)
    {
        var r = await Backtest(parameters);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains(header, Flat(r.Out));

        // Every observed line after the start says whether the observation is inside its 90% band; the closing line agrees.
        var verdicts = r.Out.Split('\n').Select(l => Regex.Match(l, @"\s(?:yes|no)\s+(yes|NO)\s*$")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(verdicts);
        Assert.DoesNotMatch(@"start\s+(yes|NO)\s*$", r.Out);   // the start's initial conditions are not checked
        var closing = Regex.Match(Flat(r.Out), @"Inside the 90% band: (\d+) of (\d+) observations \(expected ([\d.]+)\); inside the 50% band: (\d+) of (\d+) \(expected ([\d.]+)\)");
        Assert.True(closing.Success, r.Out);
        int In(int g) => int.Parse(closing.Groups[g].Value, CultureInfo.InvariantCulture);
        double Expected(int g) => double.Parse(closing.Groups[g].Value, CultureInfo.InvariantCulture);
        Assert.Equal(verdicts.Count, In(2));
        Assert.Equal(verdicts.Count, In(5));
        Assert.Equal(verdicts.Count(v => v == "yes"), In(1));
        Assert.True(In(4) <= In(1), "a 50% band lies inside the 90% band, so fewer observations can be inside it");
        Assert.Equal(Math.Round(0.9 * In(2), 1), Expected(3));
        Assert.Equal(0.5 * In(2), Expected(6));
    }

    [Fact]
    public async Task Posterior_draws_widen_the_band_that_medians_leave_to_noise_alone()
    {
        // GDP 2021 after three years: the particles' growth rates (4% to 10%) spread it by about 18%; the medians leave only its noise.
        static double Width(string output)
        {
            var m = Regex.Match(output, @"gdp \(billion yuan\)[\s\S]*?\n\s*2021\s+7,352\s+[\d,]+\s+([\d,]+)–([\d,]+)");
            Assert.True(m.Success, output);
            return double.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
                - double.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        var posterior = await Backtest("posterior");
        var median = await Backtest("median");
        Assert.True(posterior.ExitCode == 0 && median.ExitCode == 0, posterior.Error + median.Error);
        Assert.True(Width(posterior.Out) > 1.5 * Width(median.Out), $"posterior band {Width(posterior.Out)}, median band {Width(median.Out)}");
    }

    [Fact]
    public async Task An_unknown_parameter_source_is_one_message_and_exit_code_2()
    {
        var r = await _cli.Run("backtest", "--parameters", "mean");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("mean", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }
}
