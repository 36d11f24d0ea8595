using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Commands;

/// <summary>`zjsim calibrate` (ABC-SMC through the embedded silo) at a tiny scale: output, files, resume, Ctrl+C, bad options.</summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private const int Particles = 60;

    private static IReadOnlyList<string> Paths => CalibrationProblem.Load("baseline", CliHarness.ConfigDir, 2018, 2021, 0.02).Paths;

    private Task<CliHarness.Result> Calibrate(string outDir, string checkpoint, int populations, params string[] extra)
    {
        Directory.CreateDirectory(outDir);
        return _cli.Run(["calibrate", "--scale", "0.02", "--particles", $"{Particles}", "--max-populations", $"{populations}", "--seed", "3",
            "--out", outDir, "--checkpoint", checkpoint, .. extra]);
    }

    [Fact]
    public async Task A_tiny_calibration_prints_its_populations_and_writes_a_posterior_the_scenarios_draw_from()
    {
        string dir = _cli.Path("out");
        var r = await Calibrate(dir, _cli.Path("ck.json"), 3);
        Assert.True(r.ExitCode == 0, r.Error);
        var paths = Paths;
        Assert.Contains($"calibrate baseline, 2018 to 2021: {paths.Count} parameters", r.Out);
        Assert.Contains($"ABC-SMC with MCMC moves: {Particles} particles", r.Out);
        for (int p = 0; p < 3; p++) Assert.Matches($@"population\s+{p} complete: tolerance", r.Out);
        Assert.DoesNotContain("population  3 complete", r.Out);
        Assert.Contains("Populations", r.Out);
        Assert.Contains("reached the maximum of 3 populations", r.Out);
        Assert.Contains($"Posterior ({Particles} particles", r.Out);

        string csv = Path.Combine(dir, PosteriorFile.CsvName);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(["particle", "weight", .. paths], lines[0].Split(','));
        Assert.Equal(Particles, lines.Length - 1);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, PosteriorFile.JsonName)))!;
        Assert.Equal(PosteriorFile.Sha256(csv), json["csv_sha256"]!.GetValue<string>());
        Assert.Equal(Particles, json["particles"]!.GetValue<int>());
        Assert.Equal(3, json["populations"]!.AsArray().Count);
        Assert.Equal(2018, json["from"]!.GetValue<int>());
        Assert.Equal(2021, json["through"]!.GetValue<int>());
        Assert.Equal(3UL, json["seed"]!.GetValue<ulong>());
        Assert.Equal(paths, json["parameters"]!.AsArray().Select(p => p!["path"]!.GetValue<string>()));
        Assert.NotEmpty(json["observations"]!.AsArray());
        Assert.StartsWith("ABC-SMC", json["method"]!.GetValue<string>());

        // A scenario may extend only files under its config folder: the new posterior goes into a copy of config/.
        string config = CliHarness.CopyConfig(_cli.Path("config"));
        foreach (var name in new[] { PosteriorFile.CsvName, PosteriorFile.JsonName, CalibratedFile.FileName })
            File.Copy(Path.Combine(dir, name), Path.Combine(config, "zhejiang", name), overwrite: true);
        string scenario = Path.Combine(config, "on-top.json");
        File.WriteAllText(scenario, new JsonObject { ["extends"] = "zhejiang/calibrated.json", ["parameters"] = new JsonObject() }.ToJsonString());
        var drawn = ScenarioLoader.Load(scenario, config, new LoadOptions { Scale = 0.02, Parameters = ParameterSource.Posterior });
        Assert.NotNull(drawn.Uncertainty.Joint);
        Assert.Equal(Particles, drawn.Uncertainty.Joint!.Particles.Count);

        var median = ScenarioLoader.Load(scenario, config, new LoadOptions { Scale = 0.02, Parameters = ParameterSource.Median });
        var calibrated = ScenarioLoader.ReadObject(Path.Combine(dir, CalibratedFile.FileName))["parameters"]!;
        var nominal = JsonSerializer.SerializeToNode(median.Parameters, ConfigJson.Options)!;
        var leaves = ParameterPath.Walk(calibrated).Where(x => x.Node is JsonValue v && v.TryGetValue<double>(out _)).ToList();
        Assert.NotEmpty(leaves);
        foreach (var (path, node) in leaves)
            Assert.True(node!.GetValue<double>() == ParameterPath.Get(nominal, path)!.GetValue<double>(), $"{path}: calibrated.json {node} but the median scenario {ParameterPath.Get(nominal, path)}");
    }

    [Fact]
    public async Task A_resumed_calibration_equals_an_unbroken_one_bit_for_bit()
    {
        string checkpoint = _cli.Path("resume-ck.json");
        var first = await Calibrate(_cli.Path("cut"), checkpoint, 2);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(File.Exists(checkpoint));
        var resumed = await Calibrate(_cli.Path("resumed"), checkpoint, 3, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resuming after population 1", resumed.Out);
        var whole = await Calibrate(_cli.Path("whole"), _cli.Path("whole-ck.json"), 3);
        Assert.True(whole.ExitCode == 0, whole.Error);

        byte[] a = File.ReadAllBytes(Path.Combine(_cli.Path("resumed"), PosteriorFile.CsvName));
        byte[] b = File.ReadAllBytes(Path.Combine(_cli.Path("whole"), PosteriorFile.CsvName));
        Assert.Equal(b, a);
        Assert.NotEqual(b, File.ReadAllBytes(Path.Combine(_cli.Path("cut"), PosteriorFile.CsvName)));
    }

    /// <summary>Stdout that presses Ctrl+C when the first population is reported complete: no clock.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource cancel, Regex seen) : StringWriter
    {
        private readonly StringBuilder _text = new();
        public override void Write(char value) { base.Write(value); Seen(value.ToString()); }
        public override void Write(string? value) { base.Write(value); Seen(value); }
        public override void Write(char[] buffer, int index, int count) { base.Write(buffer, index, count); Seen(new string(buffer, index, count)); }

        private void Seen(string? text)
        {
            if (text is null || cancel.IsCancellationRequested) return;
            _text.Append(text);
            if (seen.IsMatch(_text.ToString())) cancel.Cancel();
        }
    }

    [Fact]
    public async Task Ctrl_C_keeps_the_checkpoint_and_writes_no_posterior()
    {
        string dir = _cli.Path("cancelled"), checkpoint = _cli.Path("cancel-ck.json");
        Directory.CreateDirectory(dir);
        using var cancel = new CancellationTokenSource();
        var output = new CancelOnProgress(cancel, new Regex(@"population\s+0 complete"));
        var r = await _cli.Run(null, output, cancel.Token, "calibrate", "--scale", "0.02", "--particles", $"{Particles}", "--max-populations", "5",
            "--seed", "3", "--out", dir, "--checkpoint", checkpoint);
        Assert.True(cancel.IsCancellationRequested, "the first population was never reported complete");
        Assert.True(r.ExitCode == 130, $"exit {r.ExitCode}: {r.Error}");
        Assert.Contains("cancelled; population 0", r.Error);
        Assert.True(File.Exists(checkpoint));
        Assert.Equal(0, AbcCheckpoint.Read(checkpoint).Population.Index);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("--out", "FILE", "--out")]
    [InlineData("--out", "MISSING", "--out")]
    [InlineData("--particles", "1", "--particles")]
    [InlineData("--alpha", "1", "--alpha")]
    [InlineData("--resume", null, "--resume")]
    [InlineData("--through", "2018", "--through")]
    public async Task Bad_options_are_one_message_naming_the_option_and_exit_code_2(string option, string? value, string named)
    {
        string dir = _cli.Path("bad");
        Directory.CreateDirectory(dir);
        string file = _cli.Path("a-file.txt");
        File.WriteAllText(file, "");
        string checkpoint = _cli.Path("none-ck.json");
        var args = new List<string> { "calibrate", "--scale", "0.02", "--particles", "10", "--checkpoint", checkpoint };
        if (option == "--out") args.AddRange(["--out", value == "FILE" ? file : _cli.Path("no/such/folder")]);
        else
        {
            args.AddRange(["--out", dir, option]);
            if (value is not null) args.Add(value);
        }
        var r = await _cli.Run([.. args]);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}");
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        Assert.False(File.Exists(checkpoint));
    }
}
