using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ZjSim.Client.Tests.Commands;

/// <summary>experiment, sensitivity, discover and seek end to end at a small scale on the embedded silo.</summary>
public class ExplorationCommandsTests
{
    private const string Design = """
        { "scenario": "baseline", "sampler": "morris", "samples": 2, "levels": 4, "seed": 3, "replications": 2, "scale": 0.01,
          "parameters": [ { "path": "adoption.q[0]", "min": 0.2, "max": 0.6 }, { "path": "government.campaigns[1].subsidy_share", "min": 0.0, "max": 0.3 } ] }
        """;

    private static string WriteDesign(CliHarness cli, string text = Design)
    {
        string path = cli.Path("design.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task An_experiment_writes_one_row_per_point_and_replication_and_a_manifest_with_the_design_hash()
    {
        using var cli = new CliHarness();
        string design = WriteDesign(cli);
        var r = await cli.Run("experiment", design, "--out", cli.Path("exp"));
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var lines = File.ReadAllLines(cli.Path("exp/experiments.csv"));
        Assert.Equal(1 + 6 * 2, lines.Length);                      // 2 trajectories x 3 points x 2 replications
        Assert.StartsWith("point,replication,adoption.q[0],government.campaigns[1].subsidy_share,", lines[0]);
        Assert.Contains("met_coverage_above_size", lines[0]);
        Assert.Equal(1 + 6, File.ReadAllLines(cli.Path("exp/points.csv")).Length);
        Assert.True(new FileInfo(cli.Path("exp/experiments.parquet")).Length > 0);
        var manifest = JsonNode.Parse(File.ReadAllText(cli.Path("exp/manifest.json")))!;
        Assert.False(manifest["partial"]!.GetValue<bool>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(design))), manifest["design_sha256"]!.GetValue<string>());

        var s = await cli.Run("sensitivity", cli.Path("exp"));
        Assert.True(s.ExitCode == 0, s.Error + s.Out);
        var rows = File.ReadAllLines(cli.Path("exp/sensitivity/sensitivity.csv"));
        Assert.Equal("output,parameter,mu_star,mu_star_low,mu_star_high,mu,sigma", rows[0]);
        Assert.True(rows.Length > 1);
        Assert.NotEmpty(Directory.GetFiles(cli.Path("exp/sensitivity/charts"), "*.png"));

        var d = await cli.Run("discover", cli.Path("exp"), "--goal", "coverage_above_size");
        Assert.True(d.ExitCode == 0, d.Error + d.Out);
        Assert.Contains("coverage_above_size", d.Out);

        var bad = await cli.Run("discover", cli.Path("exp"), "--goal", "no_such_goal");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown goal 'no_such_goal'", bad.Error);
    }

    [Fact]
    public async Task A_resumed_experiment_gives_the_same_bytes_as_an_uninterrupted_one()
    {
        using var cli = new CliHarness();
        string design = WriteDesign(cli);
        Assert.Equal(0, (await cli.Run("experiment", design, "--out", cli.Path("whole"))).ExitCode);

        var first = await cli.Run("experiment", design, "--out", cli.Path("split"), "--limit", "2", "--points-in-flight", "1");
        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        var manifest = JsonNode.Parse(File.ReadAllText(cli.Path("split/manifest.json")))!;
        Assert.True(manifest["partial"]!.GetValue<bool>());
        Assert.Equal(2, manifest["points_completed"]!.GetValue<int>());
        Assert.Equal(1 + 2 * 2, File.ReadAllLines(cli.Path("split/experiments.csv")).Length);

        var resumed = await cli.Run("experiment", "--resume", cli.Path("split"));
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Out);
        foreach (var file in new[] { "experiments.csv", "experiments.parquet", "points.csv" })
            Assert.Equal(File.ReadAllBytes(cli.Path($"whole/{file}")), File.ReadAllBytes(cli.Path($"split/{file}")));
        Assert.False(JsonNode.Parse(File.ReadAllText(cli.Path("split/manifest.json")))!["partial"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("\"adoption.no_such_rate\"", "parameters[0].path")]
    [InlineData("\"world.clusters\"", "parameters[0].path")]
    public async Task A_bad_design_is_one_message_naming_file_and_field_and_writes_nothing(string path, string field)
    {
        using var cli = new CliHarness();
        string design = WriteDesign(cli, Design.Replace("\"adoption.q[0]\"", path));
        var r = await cli.Run("experiment", design, "--out", cli.Path("exp"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(design, r.Error);
        Assert.Contains($"field '{field}'", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(cli.Path("exp")));
    }

    [Fact]
    public async Task A_design_whose_range_leaves_the_valid_values_is_refused_before_running()
    {
        using var cli = new CliHarness();
        string design = WriteDesign(cli, Design.Replace("\"max\": 0.3", "\"max\": 3"));
        var r = await cli.Run("experiment", design, "--out", cli.Path("exp"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("government.campaigns[1].subsidy_share", r.Error);
        Assert.False(Directory.Exists(cli.Path("exp")));
    }

    [Fact]
    public async Task Seek_reports_a_lever_value_its_probability_and_the_runs_spent()
    {
        using var cli = new CliHarness();
        var r = await cli.Run("seek", "--goal", "coverage_above_size", "--lever", "adoption.q[0]", "--probability", "0.5",
            "--low", "0.1", "--high", "0.8", "--tolerance", "0.2", "--batch", "4", "--max-batches", "2", "--scale", "0.01");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        Assert.Contains("Runs spent:", r.Out);
        Assert.Matches(@"adoption\.q\[0\] = [0-9.]+", r.Out);

        var bad = await cli.Run("seek", "--goal", "coverage_above_size", "--lever", "adoption.q[0]", "--probability", "1.5", "--low", "0", "--high", "1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--probability", bad.Error);
    }
}
