using System.Diagnostics;
using System.Text.Json.Nodes;
using ZjSim.Client.Output;
using ZjSim.Client.Tests.Properties;

namespace ZjSim.Client.Tests.Commands;

/// <summary>A regression test for each failure class of issue 10 (items 1, 4, 5, 6, 7; 9 is CancellationTests).</summary>
public sealed class ReliabilityTests(SavedRunsFixture runs) : IClassFixture<SavedRunsFixture>, IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string CopyRun(string from, string name)
    {
        string dir = _cli.Path(name);
        SavedRunsFixture.Copy(from, dir);
        return dir;
    }

    private static void Edit(string file, Func<string, string> change) => File.WriteAllText(file, change(File.ReadAllText(file)));

    // ---- 1: unhandled exceptions ----

    [Fact]
    public async Task A_duplicate_key_in_a_scenario_is_named()
    {
        string path = _cli.Path("dup.json");
        File.WriteAllText(path, """{ "parameters": { "government": { "acceptance": 0.1, "acceptance": 0.2 } } }""");
        var r = await _cli.Run("run", "--scenario", path, "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Single(Lines(r.Error));
        Assert.Contains("dup.json: field 'acceptance' is given twice", r.Error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "goals": null }""")]
    [InlineData("""{ "goals": [ null ] }""")]
    public async Task A_goals_file_without_goals_is_named(string goals)
    {
        _cli.Config = CliHarness.CopyConfig(_cli.Path("config"));
        File.WriteAllText(Path.Combine(_cli.Config, "goals.json"), goals);
        var r = await _cli.Run("run", "--scenario", "baseline", "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Single(Lines(r.Error));
        Assert.Contains("goals.json: field 'goals", r.Error);
        Assert.False(Directory.Exists(_cli.Path("out")));
    }

    [Fact]
    public async Task A_model_file_with_a_null_or_a_misplaced_value_is_named()
    {
        _cli.Config = CliHarness.CopyConfig(_cli.Path("config"));
        string model = Path.Combine(_cli.Config, "model.json");
        var json = JsonNode.Parse(File.ReadAllText(model), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        json["world"] = new JsonArray();
        File.WriteAllText(model, json.ToJsonString());
        var r = await _cli.Run("run", "--scenario", "baseline", "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("model.json: field 'world' must be an object", r.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_out_is_one_clear_error(string output)
    {
        var r = await _cli.Run("run", "--scenario", "baseline", "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"zjsim run: --out '{output}': must name a folder", Lines(r.Error).Single());
    }

    [Fact]
    public async Task A_manifest_field_of_the_wrong_type_is_named()
    {
        string run = CopyRun(runs.Baseline, "typed");
        Edit(Path.Combine(run, "manifest.json"), t => JsonNode.Parse(t)!.AsObject().Also(m => m["seed"] = "one").ToJsonString());
        var r = await _cli.Run("show", run);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("manifest.json: field 'seed' must be a whole number", Lines(r.Error).Single());
    }

    [Fact]
    public async Task An_overflowing_integer_in_a_csv_is_named_with_its_line()
    {
        string run = CopyRun(runs.Baseline, "overflow");
        string goals = Path.Combine(run, "goals.csv");
        var lines = File.ReadAllLines(goals);
        lines[3] = string.Join(',', lines[3].Split(',').Select((f, i) => i == 1 ? "99999999999" : f));
        File.WriteAllLines(goals, lines);
        var r = await _cli.Run("show", run);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("goals.csv: line 4: replication '99999999999' is not a whole number in range", Lines(r.Error).Single());
    }

    [Fact]
    public async Task Runs_lists_the_good_runs_and_one_line_per_bad_folder()
    {
        string root = _cli.Path("results");
        SavedRunsFixture.Copy(runs.Baseline, Path.Combine(root, "good"));
        SavedRunsFixture.Copy(runs.Baseline, Path.Combine(root, "odd"));
        Edit(Path.Combine(root, "odd", "manifest.json"), t => JsonNode.Parse(t)!.AsObject().Also(m => m["command"] = 7).ToJsonString());
        var r = await _cli.Run("runs", "--dir", root);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("good", r.Out);
        Assert.Contains("odd", Lines(r.Error).Single());
        Assert.Contains("field 'command' must be a string", r.Error);
    }

    [Fact]
    public async Task An_unforeseen_failure_is_one_line_exit_1_and_a_log_file()
    {
        var r = await _cli.Run(_ => throw new InvalidOperationException("a failure no one foresaw"), CancellationToken.None,
            "run", "--scenario", "baseline", "--out", _cli.Path("out"));
        Assert.Equal(1, r.ExitCode);
        string line = Lines(r.Error).Single();
        Assert.Contains("internal error: InvalidOperationException: a failure no one foresaw", line);
        string log = line[(line.IndexOf("the full trace is in ", StringComparison.Ordinal) + "the full trace is in ".Length)..];
        Assert.Contains("at ZjSim.Client", File.ReadAllText(log));
        File.Delete(log);
    }

    // ---- 4: saved runs ----

    [Theory]
    [InlineData(4, "one", "value 'one' is not a number")]
    [InlineData(4, "NaN", "value 'NaN' is not a finite number")]
    [InlineData(4, "Infinity", "value 'Infinity' is not a finite number")]
    [InlineData(2, "\"20", "line 3")]
    public async Task A_damaged_indicators_file_is_blamed_on_itself_with_its_line(int field, string value, string expected)
    {
        string run = CopyRun(runs.Baseline, "damaged");
        string indicators = Path.Combine(run, "indicators.csv");
        var lines = File.ReadAllLines(indicators);
        lines[2] = string.Join(',', lines[2].Split(',').Select((f, i) => i == field ? value : f));
        File.WriteAllLines(indicators, lines);
        var r = await _cli.Run("show", run);
        Assert.Equal(2, r.ExitCode);
        string message = Lines(r.Error).Single();
        Assert.Contains("indicators.csv: ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task A_file_cut_mid_field_is_blamed_on_itself()
    {
        string run = CopyRun(runs.Baseline, "cut");
        string goals = Path.Combine(run, "goals.csv");
        string text = File.ReadAllText(goals);
        // Cut inside the last `met` field ("t" of "true"): the drawn parameters' columns after it go too.
        int met = Math.Max(text.LastIndexOf(",true,", StringComparison.Ordinal), text.LastIndexOf(",false,", StringComparison.Ordinal));
        if (met < 0) met = Math.Max(text.LastIndexOf(",true", StringComparison.Ordinal), text.LastIndexOf(",false", StringComparison.Ordinal));
        File.WriteAllText(goals, text[..(met + 2)]);
        var r = await _cli.Run("show", run);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("goals.csv: line", Lines(r.Error).Single());
    }

    [Fact]
    public async Task A_scenario_named_with_a_comma_reads_back()
    {
        string scenario = _cli.Path("my,scen.json");
        File.WriteAllText(scenario, """{ "description": "a comma in the name", "parameters": {} }""");
        string dir = _cli.Path("comma");
        var r = await _cli.Run("run", "--scenario", scenario, "--replications", "2", "--scale", "0.003", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.StartsWith("\"my,scen\",", File.ReadAllLines(Path.Combine(dir, "goals.csv"))[1]);
        var show = await _cli.Run("show", dir);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("my,scen", show.Out);
    }

    // ---- 5: scenario files and staging ----

    [Fact]
    public async Task A_fifo_as_scenario_is_refused_at_once()
    {
        string fifo = _cli.Path("pipe.json");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var r = await _cli.Run("run", "--scenario", fifo, "--out", _cli.Path("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pipe.json: is not a regular file", Lines(r.Error).Single());
    }

    [Fact]
    public async Task A_250_character_out_name_works_and_stale_staging_is_removed()
    {
        // A staging folder left by a process that is gone (SIGKILL): the next run beside it removes it.
        var gone = Process.Start("true")!;
        gone.WaitForExit();
        string stale = _cli.Path($".old-run.partial-{gone.Id}");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "indicators.csv"), "half");
        string mine = _cli.Path($".other.partial-{Environment.ProcessId}");   // a live process's: kept
        Directory.CreateDirectory(mine);

        string dir = _cli.Path(new string('r', 250));
        var r = await _cli.Run("run", "--scenario", "baseline", "--replications", "2", "--scale", "0.003", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(mine));
        Assert.True(StagingName.For(new string('r', 255), int.MaxValue).Length <= 255);
    }

    // ---- 6: command line ----

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--replications", "--scenario", "baseline")]
    public async Task A_command_line_error_is_one_message(params string[] args)
    {
        var r = await _cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(Lines(r.Error));
    }

    // ---- 7: compare --from ----

    [Fact]
    public async Task Runs_of_different_scales_are_not_compared()
    {
        string other = _cli.Path("wider");
        var made = await _cli.Run("run", "--scenario", "policy-push", "--replications", "2", "--scale", "0.004", "--out", other);
        Assert.True(made.ExitCode == 0, made.Error);
        var r = await _cli.Run("compare", "--from", runs.Baseline, other);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("runs of different scales cannot be compared", Lines(r.Error).Single());
    }

    [Fact]
    public async Task Runs_reading_a_goal_differently_are_not_compared()
    {
        string other = CopyRun(runs.PolicyPush, "other-goals");
        Edit(Path.Combine(other, "manifest.json"), t => JsonNode.Parse(t)!.AsObject().Also(m => m["goals"]!["goals"]![0]!["target"] = 1).ToJsonString());
        var r = await _cli.Run("compare", "--from", runs.Baseline, other);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("different goal readings cannot be compared", Lines(r.Error).Single());
    }

    [Fact]
    public async Task A_manifest_whose_hash_does_not_match_its_parameters_is_refused()
    {
        string other = CopyRun(runs.PolicyPush, "altered");
        Edit(Path.Combine(other, "manifest.json"), t => JsonNode.Parse(t)!.AsObject().Also(m => m["scenario"]!["parameters"]!["world"]!["scale"] = 1).ToJsonString());
        var r = await _cli.Run("compare", "--from", runs.Baseline, other);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("field 'scenario.hash_sha256' does not match", Lines(r.Error).Single());
    }
}

internal static class JsonEdits
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change) { change(o); return o; }
}
