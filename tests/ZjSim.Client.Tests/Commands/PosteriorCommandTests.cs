using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Client.Commands;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Tests.Commands;

/// <summary>
/// `zjsim posterior` on a synthetic posterior whose answer is known: adoption.narrow drawn tightly around 0.3 (its prior
/// uniform on [0, 1]), world.flat drawn from its prior, revenue.x and revenue.y strongly correlated (both narrowed).
/// </summary>
public sealed class PosteriorCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private const int Particles = 1000;
    private const double NarrowCentre = 0.3, NarrowSd = 0.02, XSd = 0.06, NoiseSd = 0.02;
    private static readonly string[] Paths = ["adoption.narrow", "world.flat", "revenue.x", "revenue.y"];

    private static JsonObject[] Priors =>
    [
        new() { ["dist"] = "uniform", ["min"] = 0, ["max"] = 1 },
        new() { ["dist"] = "uniform", ["min"] = 0, ["max"] = 1 },
        new() { ["dist"] = "triangular", ["min"] = 0, ["mode"] = 0.5, ["max"] = 1 },
        new() { ["dist"] = "triangular", ["min"] = 0, ["mode"] = 0.5, ["max"] = 1 },
    ];

    /// <summary>
    /// The particles, fixed seed. A tenth of them carry zero weight and sit at 0.9 on adoption.narrow: only a command
    /// that weights the particles finds that parameter narrow (unweighted, its 95% point would be 0.9).
    /// </summary>
    private static ParticleSet Synthetic()
    {
        var random = new Random(20250113);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[Particles][];
        var weights = new double[Particles];
        for (int i = 0; i < Particles; i++)
        {
            bool discarded = i % 10 == 9;
            double x = 0.5 + XSd * Normal();
            values[i] = [discarded ? 0.9 : NarrowCentre + NarrowSd * Normal(), random.NextDouble(), x, x + NoiseSd * Normal()];
            weights[i] = discarded ? 0 : 0.5 + random.NextDouble();
        }
        return new ParticleSet(Paths, values, weights);
    }

    /// <summary>Writes posterior.csv and posterior.json (as `zjsim calibrate` would) into <paramref name="folder"/>; returns the CSV's path.</summary>
    private static string Write(string folder, ParticleSet set, Action<JsonObject>? alter = null)
    {
        Directory.CreateDirectory(folder);
        string csv = Path.Combine(folder, PosteriorFile.CsvName);
        File.WriteAllText(csv, PosteriorFile.Csv(set));
        var priors = Priors;
        var json = new JsonObject
        {
            ["method"] = "ABC-SMC (synthetic)", ["csv"] = PosteriorFile.CsvName, ["csv_sha256"] = PosteriorFile.Sha256(csv),
            ["written"] = "2025-01-13T00:00:00Z", ["scenario"] = "baseline", ["from"] = 2018, ["through"] = 2021, ["scale"] = 0.5, ["seed"] = 1,
            ["particles"] = set.Count, ["simulations"] = 12345, ["seconds"] = 1.5, ["stopped"] = "tolerance stopped falling",
            ["populations"] = new JsonArray(new JsonObject { ["index"] = 0, ["tolerance"] = null, ["acceptance"] = 1.0, ["ess"] = 1000.0, ["simulations"] = 1000 },
                new JsonObject { ["index"] = 1, ["tolerance"] = 2.5, ["acceptance"] = 0.3, ["ess"] = 900.0, ["simulations"] = 3000 }),
            ["observations"] = new JsonArray(),
            ["parameters"] = new JsonArray(Paths.Select((p, k) => (JsonNode)new JsonObject
            {
                ["path"] = p, ["prior"] = priors[k], ["start_only"] = p == "world.flat",
            }).ToArray()),
        };
        alter?.Invoke(json);
        File.WriteAllText(Path.ChangeExtension(csv, ".json"), json.ToJsonString());
        return csv;
    }

    /// <summary>The console wraps long lines at 80 columns: compare text with its whitespace collapsed.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    private static Dictionary<string, Dictionary<string, string>> ReadSummary(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(string.Join(',', PosteriorCommand.SummaryColumns), lines[0]);
        var header = lines[0].Split(',');
        // No cell here holds a comma: the priors print as uniform(0, 1), which CsvHelper quotes; split on the quoted form.
        return lines.Skip(1).Select(l => Regex.Split(l, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
            .ToDictionary(cells => cells[0], cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second.Trim('"')));
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_known_posterior_gets_its_verdicts_medians_correlations_and_files()
    {
        var set = Synthetic();
        string csv = Write(_cli.Path("posterior"), set);
        string output = _cli.Path("out");
        var r = await _cli.Run("posterior", "--posterior", csv, "--out", output, "--top", "3");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("", r.Error);
        string text = Flat(r.Out);

        Assert.Contains($"ABC-SMC (synthetic): {Particles} particles ({Particles} distinct, ESS ", text);
        Assert.Contains("2 populations, 12,345 simulations; stopped: tolerance stopped falling; data 2018–2021", text);
        Assert.Contains("posterior.csv SHA-256 " + PosteriorFile.Sha256(csv)[..12] + "… matches posterior.json", text);
        // Each row's first line holds the path (marked when start-only) and the verdict, at any console width.
        string Row(string path) => r.Out.Split('\n').Single(l => l.TrimStart().StartsWith(path + " ", StringComparison.Ordinal)).Trim();
        Assert.StartsWith("world.flat †", Row("world.flat"));
        Assert.EndsWith(" not identified", Row("world.flat"));
        Assert.EndsWith(" identified", Row("adoption.narrow"));
        Assert.DoesNotContain("not identified", Row("adoption.narrow"));
        Assert.DoesNotContain("weakly", Row("adoption.narrow"));
        Assert.Contains("† start-only", text);
        Assert.Contains("identified below 0.5, weakly identified from 0.5 to 0.8, not identified from 0.8", text);
        Assert.Contains("The record identifies 3 of 4 parameters; not identified (1): flat.", text);

        // The strongest pair first, r near its constructed value XSd / sqrt(XSd² + NoiseSd²) = 0.95.
        var first = Regex.Match(text, @" 1 (\S+) (\S+) \+(0\.\d\d) ");
        Assert.True(first.Success, text);
        Assert.Equal(("revenue.x", "revenue.y"), (first.Groups[1].Value, first.Groups[2].Value));
        Assert.InRange(D(first.Groups[3].Value), 0.93, 0.97);
        Assert.Matches(@" 3 \S+ \S+ [+-]0\.\d\d ", text);
        Assert.DoesNotMatch(@" 4 \S+ \S+ [+-]0\.\d\d ", text);
        Assert.Contains("constrains a combination of the two", text);

        var rows = ReadSummary(Path.Combine(output, PosteriorCommand.SummaryFile));
        Assert.Equal(Paths, rows.Keys);
        Assert.Equal(new[] { "identified", "not identified", "identified", "identified" }, rows.Values.Select(v => v["verdict"]));
        Assert.Equal(new[] { "narrow", "flat", "x", "y" }, rows.Values.Select(v => v["short_name"]));
        Assert.Equal(new[] { "false", "true", "false", "false" }, rows.Values.Select(v => v["start_only"]));

        var narrow = rows["adoption.narrow"];
        // The weighted median of 900 draws from N(0.3, 0.02): standard error 1.25 * 0.02 / 30 ≈ 0.0008 (weights lower the ESS a little).
        Assert.InRange(D(narrow["posterior_median"]), NarrowCentre - 0.004, NarrowCentre + 0.004);
        // The 90% interval is ±1.645 sd, width 0.066 against the prior's 0.9.
        Assert.InRange(D(narrow["posterior_p95"]) - D(narrow["posterior_p05"]), 0.055, 0.077);
        Assert.Equal(0.05, D(narrow["prior_p05"]), 12);
        Assert.Equal(0.5, D(narrow["prior_median"]), 12);
        Assert.Equal(0.95, D(narrow["prior_p95"]), 12);
        double narrowing = (D(narrow["posterior_p95"]) - D(narrow["posterior_p05"])) / (D(narrow["prior_p95"]) - D(narrow["prior_p05"]));
        Assert.Equal(narrowing, D(narrow["narrowing"]), 12);
        Assert.InRange(narrowing, 0.06, 0.086);

        var flat = rows["world.flat"];
        // Uniform draws: the median's standard error is about 0.5 / sqrt(ESS ≈ 850) ≈ 0.017; the 5% and 95% points' about 0.0075.
        Assert.InRange(D(flat["posterior_median"]), 0.5 - 0.07, 0.5 + 0.07);
        Assert.InRange(D(flat["narrowing"]), 0.95, 1.05);

        // Triangular(0, 0.5, 1) prior: 90% interval [√0.025, 1 − √0.025].
        Assert.Equal(Math.Sqrt(0.025), D(rows["revenue.x"]["prior_p05"]), 12);
        // x ~ N(0.5, 0.06): the weighted median's standard error is 1.25 * 0.06 / sqrt(830) ≈ 0.0026.
        Assert.InRange(D(rows["revenue.x"]["posterior_median"]), 0.5 - 0.012, 0.5 + 0.012);

        byte[] png = File.ReadAllBytes(Path.Combine(output, PosteriorCommand.PairsFile));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.True(png.Length > 20_000, $"a 4×4 pairs plot of 1000 particles, not an empty image ({png.Length} bytes)");
        Assert.Equal(new[] { PosteriorCommand.PairsFile, PosteriorCommand.SummaryFile }, Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_default_posterior_is_the_one_in_the_config_folder()
    {
        _cli.Config = CliHarness.CopyConfig(_cli.Path("config"));
        Write(Path.Combine(_cli.Config, "zhejiang"), Synthetic());
        var r = await _cli.Run("posterior", "--out", _cli.Path("out"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("The record identifies 3 of 4 parameters", Flat(r.Out));
        Assert.True(File.Exists(_cli.Path(Path.Combine("out", PosteriorCommand.SummaryFile))));
    }

    [Fact]
    public async Task An_edited_csv_is_shown_with_a_warning_that_names_both_files()
    {
        string csv = Write(_cli.Path("posterior"), Synthetic());
        var lines = File.ReadAllLines(csv);
        lines[1] = "0,0.5" + lines[1][lines[1].IndexOf(',', 2)..];   // particle 0's weight changed by hand
        File.WriteAllLines(csv, lines);
        var r = await _cli.Run("posterior", "--posterior", csv, "--out", _cli.Path("out"));
        Assert.True(r.ExitCode == 0, r.Error);
        string error = Flat(r.Error);
        Assert.Contains($"warning: {csv}: SHA-256", error);
        Assert.Contains("differs from csv_sha256", error);
        Assert.Contains("edited or replaced", error);
        Assert.Contains(Path.ChangeExtension(csv, ".json"), error);
        Assert.DoesNotContain("matches posterior.json", Flat(r.Out));
    }

    [Fact]
    public async Task Help_states_the_verdict_thresholds()
    {
        var r = await _cli.Run("posterior", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("identified below 0.5, weakly identified from 0.5 to 0.8, not identified from 0.8", Flat(r.Out));
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        { "csv-missing", ["posterior.csv", "not found"] },
        { "json-missing", ["posterior.json", "not found"] },
        { "csv-cell", ["posterior.csv", "field 'line 4'", "revenue.x: 'abc' is not a finite number"] },
        { "csv-header", ["posterior.csv", "field 'header'", "'revenue.z'", "posterior.json does not list"] },
        { "csv-column-missing", ["posterior.json", "field 'parameters'", "'revenue.y'", "has no column"] },
        { "json-syntax", ["posterior.json"] },
        { "json-method", ["posterior.json", "field 'method'"] },
        { "json-prior", ["posterior.json", "field 'parameters[1].prior'", "min (2) is not below its max (1)"] },
        { "json-start-only", ["posterior.json", "field 'parameters[0].start_only'", "true or false"] },
        { "json-populations", ["posterior.json", "field 'populations'", "must be an array"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_message_naming_the_file_and_field_exit_2_and_nothing_written(string fault, string[] expected)
    {
        string csv = Write(_cli.Path("posterior"), Synthetic(), json =>
        {
            if (fault == "json-method") json.Remove("method");
            if (fault == "json-prior") json["parameters"]![1]!["prior"] = new JsonObject { ["dist"] = "uniform", ["min"] = 2, ["max"] = 1 };
            if (fault == "json-start-only") json["parameters"]![0]!["start_only"] = "yes";
            if (fault == "json-populations") json["populations"] = 3;
        });
        string json = Path.ChangeExtension(csv, ".json");
        string text = File.ReadAllText(csv);
        switch (fault)
        {
            case "csv-missing": File.Delete(csv); break;
            case "json-missing": File.Delete(json); break;
            case "csv-cell":
                var lines = text.Split('\n');
                var cells = lines[3].Split(',');
                cells[4] = "abc";
                lines[3] = string.Join(',', cells);
                File.WriteAllText(csv, string.Join('\n', lines));
                break;
            case "csv-header": File.WriteAllText(csv, text.Replace("revenue.y", "revenue.z")); break;
            case "csv-column-missing":
                File.WriteAllText(csv, string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')])));
                break;
            case "json-syntax": File.WriteAllText(json, File.ReadAllText(json)[..40]); break;
        }

        string output = _cli.Path("out");
        var r = await _cli.Run("posterior", "--posterior", csv, "--out", output);
        Assert.Equal(2, r.ExitCode);
        string error = Flat(r.Error);
        Assert.StartsWith("zjsim posterior: ", error);
        Assert.Single(r.Error.TrimEnd('\n').Split('\n'));
        foreach (var part in expected) Assert.Contains(part, error);
        Assert.False(Directory.Exists(output), "nothing is written on bad input");
        Assert.Empty(Directory.GetDirectories(_cli.Temp, ".*partial*"));
    }

    [Fact]
    public async Task A_negative_top_is_refused()
    {
        string csv = Write(_cli.Path("posterior"), Synthetic());
        var r = await _cli.Run("posterior", "--posterior", csv, "--top", "-1", "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--top: must not be negative (got -1)", r.Error);
        Assert.False(Directory.Exists(_cli.Path("out")));
    }

    [Fact]
    public async Task An_output_folder_that_is_not_empty_is_refused_and_kept()
    {
        string csv = Write(_cli.Path("posterior"), Synthetic());
        string output = _cli.Path("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var r = await _cli.Run("posterior", "--posterior", csv, "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("already exists and is not empty", r.Error);
        Assert.Equal(new[] { "keep.txt" }, Directory.GetFiles(output).Select(Path.GetFileName));
    }
}
