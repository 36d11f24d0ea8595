using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Tests.Commands;

public sealed class UncertainRunTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private string Scenario(string parameters)
    {
        string path = _cli.Path("uncertain.json");
        File.WriteAllText(path, $$"""{ "description": "uncertain", "parameters": {{parameters}} }""");
        return path;
    }

    [Fact]
    public async Task A_run_records_the_distributions_in_the_manifest_and_the_draws_in_parameters_csv_and_goals_csv()
    {
        string scenario = Scenario("""
            { "brains": { "boost": { "dist": "uniform", "min": 0.01, "max": 0.1 } },
              "value_added": { "other_growth": { "dist": "triangular", "min": 0.05, "mode": 0.09, "max": 0.12 } } }
            """);
        string dir = _cli.Path("run");
        var r = await _cli.Run("run", "--scenario", scenario, "--replications", "3", "--seed", "4", "--scale", "0.005", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("2 uncertain parameters drawn per replication", r.Out);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("uniform", manifest["scenario"]!["parameters"]!["brains"]!["boost"]!["dist"]!.GetValue<string>());
        var listed = manifest["scenario"]!["uncertain_parameters"]!.AsArray();
        Assert.Equal(["brains.boost", "value_added.other_growth"], listed.Select(n => n!["parameter"]!.GetValue<string>()).ToArray());

        var lines = File.ReadAllLines(Path.Combine(dir, "parameters.csv"));
        Assert.Equal("scenario,replication,parameter,value", lines[0]);
        Assert.Equal(3 * 2, lines.Length - 1);
        var (_, uncertainty) = ParameterUncertainty.FromCanonicalJson(manifest["scenario"]!["parameters"]!.ToJsonString());
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            int replication = int.Parse(f[1], CultureInfo.InvariantCulture);
            int k = uncertainty.Parameters.Select(p => p.Path).ToList().IndexOf(f[2]);
            Assert.Equal(uncertainty.Draw(4, replication, 2021)[k], double.Parse(f[3], CultureInfo.InvariantCulture));
        }
        // goals.csv carries the same draws as its last columns, on every goal row of the replication.
        var goals = File.ReadAllLines(Path.Combine(dir, "goals.csv"));
        Assert.Equal("scenario,replication,goal,target,value,met,brains.boost,value_added.other_growth", goals[0]);
        Assert.Equal(3 * 11, goals.Length - 1);
        foreach (var row in goals.Skip(1).Select(l => l.Split(',')))
        {
            var draws = uncertainty.Draw(4, int.Parse(row[1], CultureInfo.InvariantCulture), 2021);
            Assert.Equal(draws, row[6..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        Assert.Equal(3, goals.Skip(1).Select(l => l.Split(',')[6]).Distinct().Count());   // a continuous draw per replication

        // A saved run with those columns reads back.
        var shown = await _cli.Run("show", dir);
        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("2027 goals", shown.Out);
    }

    [Fact]
    public async Task A_bad_distribution_is_one_message_naming_file_and_field_and_exit_code_2()
    {
        string scenario = Scenario("""{ "brains": { "delivery_probability": { "dist": "uniform", "min": 0.9, "max": 0.6 } } }""");
        var r = await _cli.Run("run", "--scenario", scenario, "--scale", "0.005", "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("uncertain.json: field 'brains.delivery_probability' is a uniform distribution whose min (0.9) is not below its max (0.6)", r.Error);
        Assert.False(Directory.Exists(_cli.Path("out")));
    }

    [Fact]
    public async Task Scenario_show_prints_a_distribution_as_one_value()
    {
        string scenario = Scenario("""{ "adoption": { "platform_boost": { "dist": "uniform", "min": 0.01, "max": 0.03 } } }""");
        var r = await _cli.Run("scenario", "show", scenario);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("uniform(0.01, 0.03)", r.Out);
    }
}
