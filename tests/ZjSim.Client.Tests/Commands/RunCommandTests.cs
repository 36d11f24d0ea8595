using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model;

namespace ZjSim.Client.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_prints_the_goal_table_and_writes_its_files()
    {
        string dir = _cli.Path("run");
        var r = await _cli.Run("run", "--scenario", "baseline", "--replications", "3", "--seed", "5", "--scale", "0.01", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("2027 goals", r.Out);
        Assert.Contains("smart_factories", r.Out);
        Assert.Contains("of 3", r.Out);
        Assert.Contains("Indicators by year", r.Out);
        // parameters.csv: the baseline draws each replication's rates from the posterior.
        Assert.Equal(["goals.csv", "goals.parquet", "indicators.csv", "indicators.parquet", "manifest.json", "parameters.csv", "report.html", "resolved_parameters.csv"],
            Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Order().ToArray());
        Assert.True(Directory.Exists(Path.Combine(dir, "charts")));

        var indicators = File.ReadAllLines(Path.Combine(dir, "indicators.csv"));
        Assert.Equal("scenario,replication,year,indicator,value", indicators[0]);
        // 3 replications × (7 years × 13 indicators − 2 undefined in the base year)
        Assert.Equal(3 * (7 * Indicators.Names.Count - 2), indicators.Length - 1);
        var names = indicators.Skip(1).Select(l => l.Split(',')[3]).ToHashSet();
        foreach (var required in new[] { "coverage_above_size", "coverage_key_sme", "industry_brains", "future_factories", "smart_factories",
                     "platform_coverage_10b", "digital_economy_value", "core_industry_value", "science_projects", "innovation_achievements" })
            Assert.Contains(required, names);
        Assert.Contains("baseline,0,2021,digital_economy_value,3570", indicators);

        var goals = File.ReadAllLines(Path.Combine(dir, "goals.csv"));
        // then one column per parameter drawn from the posterior, with the value the replication took
        Assert.StartsWith("scenario,replication,goal,target,value,met,world.above_size_enterprises,", goals[0]);
        Assert.Equal(3 * 11, goals.Length - 1);
        foreach (var line in goals.Skip(1))
        {
            var f = line.Split(',');
            double target = double.Parse(f[3], CultureInfo.InvariantCulture), value = double.Parse(f[4], CultureInfo.InvariantCulture);
            bool strict = f[2] is "digital_economy_value" or "core_industry_value" or "innovation_achievements";
            Assert.Equal(strict ? value > target : value >= target, bool.Parse(f[5]));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal(5UL, manifest["seed"]!.GetValue<ulong>());
        Assert.Equal(3, manifest["replications"]!.GetValue<int>());
        Assert.Equal("baseline", manifest["scenario"]!["name"]!.GetValue<string>());
        Assert.Equal(64, manifest["scenario"]!["hash_sha256"]!.GetValue<string>().Length);
        Assert.Equal(0.01, manifest["scenario"]!["parameters"]!["world"]!["scale"]!.GetValue<double>());
        Assert.NotNull(manifest["zjsim_version"]);
        Assert.NotNull(manifest["commit"]);
        Assert.True(manifest["timings"]!["enterprise_years"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Granularities_and_repeated_runs_write_identical_results()
    {
        string[] common = ["run", "--scenario", "baseline", "--replications", "2", "--seed", "9", "--scale", "0.005"];
        var a = await _cli.Run([.. common, "--granularity", "cluster", "--out", _cli.Path("a")]);
        var b = await _cli.Run([.. common, "--granularity", "enterprise", "--out", _cli.Path("b")]);
        var c = await _cli.Run([.. common, "--out", _cli.Path("c")]);
        Assert.All(new[] { a, b, c }, r => Assert.True(r.ExitCode == 0, r.Error));
        foreach (var file in new[] { "indicators.csv", "goals.csv" })
        {
            string expected = File.ReadAllText(Path.Combine(_cli.Path("a"), file));
            Assert.Equal(expected, File.ReadAllText(Path.Combine(_cli.Path("b"), file)));
            Assert.Equal(expected, File.ReadAllText(Path.Combine(_cli.Path("c"), file)));
        }
        var d = await _cli.Run("run", "--scenario", "baseline", "--replications", "2", "--seed", "10", "--scale", "0.005", "--out", _cli.Path("d"));
        Assert.NotEqual(File.ReadAllText(Path.Combine(_cli.Path("a"), "indicators.csv")), File.ReadAllText(Path.Combine(_cli.Path("d"), "indicators.csv")));
    }
}
