using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Tests.Commands;

/// <summary>End-to-end compare on a small world: the one simulated comparison is shared by the tests of this class.</summary>
public sealed class CompareFixture : IAsyncLifetime
{
    public CliHarness Cli { get; } = new();
    public string Dir => Cli.Path("cmp");
    public CliHarness.Result Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await Cli.Run("compare", "baseline", "policy-push", "fiscal-squeeze", "--replications", "30", "--seed", "4", "--scale", "0.01", "--out", Dir);

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class CompareCommandTests(CompareFixture fixture) : IClassFixture<CompareFixture>
{
    private string Dir => fixture.Dir;

    [Fact]
    public void Compare_prints_both_tables_and_writes_exports_and_scenario_folders()
    {
        var r = fixture.Result;
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("P(goal met in 2027)", r.Out);
        Assert.Contains("Δ vs baseline", r.Out);
        Assert.Contains("Indicators in 2027", r.Out);
        Assert.Contains("paired over 30 common replications", r.Out);
        Assert.All(r.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: '{line}'"));
        foreach (var scenario in new[] { "baseline", "policy-push", "fiscal-squeeze" })
            foreach (var file in new[] { "manifest.json", "indicators.csv", "goals.csv" })
                Assert.True(File.Exists(Path.Combine(Dir, scenario, file)), $"{scenario}/{file}");
    }

    [Fact]
    public void Comparison_csv_and_json_hold_the_numbers_of_the_tables()
    {
        var goals = RunFolderReader.Load(Path.Combine(Dir, "baseline")).Outcomes;
        var push = RunFolderReader.Load(Path.Combine(Dir, "policy-push")).Outcomes;
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "comparison.json")))!;
        Assert.True(json["paired"]!.GetValue<bool>());
        Assert.Equal(30, json["paired_replications"]!.GetValue<int>());

        var csv = File.ReadAllLines(Path.Combine(Dir, "comparison.csv"));
        Assert.Equal("table,item,scenario,statistic,value", csv[0]);
        double Csv(string table, string item, string scenario, string statistic) =>
            double.Parse(csv.Single(l => l.StartsWith($"{table},{item},{scenario},{statistic},", StringComparison.Ordinal)).Split(',')[4], CultureInfo.InvariantCulture);

        var goalNames = json["goals"]!.AsArray().Select(g => g!["goal"]!.GetValue<string>()).ToArray();
        Assert.Equal(11, goalNames.Length);
        for (int g = 0; g < goalNames.Length; g++)
        {
            int metBase = goals.Count(o => o.Goals[g].Met), metPush = push.Count(o => o.Goals[g].Met);
            Assert.Equal(metBase, Csv("goal", goalNames[g], "baseline", "met"));
            Assert.Equal(metPush, Csv("goal", goalNames[g], "policy-push", "met"));
            var wilson = Proportion.Wilson(metPush, 30);
            Assert.Equal(wilson.Lower, Csv("goal", goalNames[g], "policy-push", "probability_lower"), 12);
            var paired = PairedDifference.Proportions(goals.Select(o => o.Goals[g].Met).ToArray(), push.Select(o => o.Goals[g].Met).ToArray());
            Assert.Equal(paired.Lower, Csv("goal", goalNames[g], "policy-push", "difference_lower"), 12);
            Assert.Equal(paired.Upper, Csv("goal", goalNames[g], "policy-push", "difference_upper"), 12);
            var cell = json["goals"]![g]!["scenarios"]![1]!;
            Assert.Equal(paired.Upper, cell["difference_vs_first"]!["upper"]!.GetValue<double>(), 12);
            Assert.Equal(paired.ExcludesZero, cell["difference_vs_first"]!["significant"]!.GetValue<bool>());
        }

        var values = goals.Select(o => o.Indicators[2027, Indicator.DigitalEconomyValue]).ToArray();
        Assert.Equal(Quantiles.Of(values, 0.5), Csv("indicator", "digital_economy_value", "baseline", "median"), 9);
        Assert.Equal(Quantiles.Of(values, 0.05), Csv("indicator", "digital_economy_value", "baseline", "p05"), 9);
        Assert.Equal(7000, Csv("indicator", "digital_economy_value", "baseline", "target"));
    }

    [Fact]
    public void Common_random_numbers_make_paired_intervals_narrower_than_unpaired()
    {
        var baseline = RunFolderReader.Load(Path.Combine(Dir, "baseline")).Outcomes;
        var push = RunFolderReader.Load(Path.Combine(Dir, "policy-push")).Outcomes;
        // A continuous outcome: replication r of both scenarios shares its noise, so the within-pair differences
        // vary far less than the outcomes themselves.
        var a = baseline.Select(o => o.Indicators[2027, Indicator.DigitalEconomyValue]).ToArray();
        var b = push.Select(o => o.Indicators[2027, Indicator.DigitalEconomyValue]).ToArray();
        // The spread of paired differences against that of independent ones (whose variance is the sum of both).
        double paired = Variance(a.Zip(b, (x, y) => y - x).ToArray()), unpaired = Variance(a) + Variance(b);
        Assert.True(paired < 0.25 * unpaired, $"paired variance {paired:0.0} vs unpaired {unpaired:0.0}");

        // Goal probabilities: the written paired intervals are never wider than the unpaired ones, and narrower
        // for at least one goal.
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "comparison.json")))!;
        var widths = json["goals"]!.AsArray().Select(g => g!["scenarios"]![1]!).Select(c => (
            Paired: c["difference_vs_first"]!["upper"]!.GetValue<double>() - c["difference_vs_first"]!["lower"]!.GetValue<double>(),
            Unpaired: c["unpaired_difference_vs_first"]!["upper"]!.GetValue<double>() - c["unpaired_difference_vs_first"]!["lower"]!.GetValue<double>())).ToArray();
        Assert.All(widths, w => Assert.True(w.Paired <= w.Unpaired + 1e-12));
        Assert.Contains(widths, w => w.Paired < w.Unpaired - 0.01);
    }

    [Fact]
    public void Charts_are_valid_png_images()
    {
        var charts = Directory.GetFiles(Path.Combine(Dir, "charts"), "*.png");
        Assert.Contains(charts, c => Path.GetFileName(c) == "goal_probabilities.png");
        Assert.Contains(charts, c => Path.GetFileName(c) == "coverage_key_sme.png");
        foreach (var chart in charts)
        {
            var bytes = File.ReadAllBytes(chart);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
            Assert.InRange(width, 400, 4000);
            Assert.InRange(height, 300, 4000);
            Assert.True(bytes.Length > 5_000, $"{chart} looks empty");
        }
    }

    [Fact]
    public async Task Compare_from_saved_runs_and_show_print_the_same_tables()
    {
        string Tables(string output) => output[output.IndexOf("P(goal met", StringComparison.Ordinal)..output.IndexOf("Results written", StringComparison.Ordinal)];
        string expected = Tables(fixture.Result.Out);
        var from = await fixture.Cli.Run("compare", "--from", Path.Combine(Dir, "baseline"), Path.Combine(Dir, "policy-push"), Path.Combine(Dir, "fiscal-squeeze"));
        Assert.True(from.ExitCode == 0, from.Error);
        Assert.Equal(expected, from.Out[from.Out.IndexOf("P(goal met", StringComparison.Ordinal)..]);
        var whole = await fixture.Cli.Run("compare", "--from", Dir);
        Assert.Equal(from.Out, whole.Out);
        var show = await fixture.Cli.Run("show", Dir);
        Assert.Equal(from.Out, show.Out);
    }

    [Fact]
    public async Task Runs_lists_the_comparison_and_show_prints_a_scenario_folder()
    {
        var runs = await fixture.Cli.Run("runs", "--dir", fixture.Cli.Temp);
        Assert.Equal(0, runs.ExitCode);
        Assert.Contains("cmp", runs.Out);
        Assert.Contains("compare", runs.Out);
        Assert.Contains("complete", runs.Out);
        var show = await fixture.Cli.Run("show", Path.Combine(Dir, "policy-push"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("2027 goals — policy-push, 30 replications", show.Out);
    }

    private static double Variance(double[] v) => v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1);
}
