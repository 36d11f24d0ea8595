using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Commands;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    /// <summary>What the shipped priors.json fits.</summary>
    private static int FittedCount =>
        ZjSim.Model.Calibration.CalibratedFile.ReadPriors(ZjSim.Model.Calibration.CalibratedFile.PriorsPathIn(CliHarness.ConfigDir)).Count;

    [Fact]
    public async Task Calibrate_prints_progress_and_the_fit_and_writes_a_file_scenarios_can_extend()
    {
        string output = _cli.Path("calibrated.json");
        var r = await _cli.Run("calibrate", "--replications", "2", "--scale", "0.01", "--max-evaluations", "12", "--out", output);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"calibrate baseline, 2018 to 2021: {FittedCount} parameters, 12 observed points", r.Out);
        Assert.Matches(@"evaluation\s+1: objective", r.Out);
        Assert.Contains("Fitted parameters", r.Out);
        Assert.Contains("value_added.other_growth", r.Out);
        Assert.Contains("root mean square relative error", r.Out);
        Assert.Contains("stopped at the evaluation budget", r.Out);

        var file = ScenarioLoader.ReadObject(output);
        Assert.Equal(12, file["calibration"]!["evaluations"]!.GetValue<int>());
        // A scenario may extend only files under its config folder: put the output in a copy of config/.
        string config = _cli.Path("config");
        foreach (var f in Directory.GetFiles(CliHarness.ConfigDir, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(config, Path.GetRelativePath(CliHarness.ConfigDir, f));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(f, copy);
        }
        File.Copy(output, Path.Combine(config, "zhejiang", "mine.json"));
        string scenario = _cli.Path("on-top.json");
        File.WriteAllText(scenario, new JsonObject { ["extends"] = "zhejiang/mine.json", ["parameters"] = new JsonObject() }.ToJsonString());
        var s = ScenarioLoader.Load(scenario, config);
        Assert.Equal(file["parameters"]!["value_added"]!["other_growth"]!.GetValue<double>(), s.Parameters.ValueAdded.OtherGrowth);
    }

    [Fact]
    public async Task Calibrating_through_an_earlier_year_fits_only_the_points_up_to_it()
    {
        var r = await _cli.Run("calibrate", "--through", "2020", "--replications", "2", "--scale", "0.01", "--max-evaluations", "10", "--out", _cli.Path("c.json"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"calibrate baseline, 2018 to 2020: {FittedCount} parameters, 8 observed points", r.Out);
        Assert.DoesNotContain("early 2022", r.Out);
    }

    [Fact]
    public async Task An_output_that_is_a_folder_is_refused()
    {
        var r = await _cli.Run("calibrate", "--out", _cli.Temp);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is a folder", r.Error);
    }

    [Theory]
    [InlineData("--through", "2018", "--through: must be after --from (2018)")]
    [InlineData("--through", "2022", "at most 2021")]
    [InlineData("--max-evaluations", "5", "--max-evaluations: at least 10")]
    [InlineData("--priors", "/nonexistent/priors.json", "--priors /nonexistent/priors.json: not found")]
    public async Task Bad_options_are_one_message_and_exit_code_2(string option, string value, string message)
    {
        var r = await _cli.Run("calibrate", option, value, "--out", _cli.Path("never.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.False(File.Exists(_cli.Path("never.json")));
    }
}
