using System.Diagnostics;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Properties;

/// <summary>
/// Property-based tests of bad input (issue 10): valid scenario files, goals.json, model.json and saved run folders
/// are damaged at random (fields and lines deleted, duplicated, retyped, truncated, re-encoded) and every case must
/// end as bad input should: exit code 0 or 2 (or 1 with its log file), at most one error line naming the damaged
/// file, no staging folder left, and nothing in DIR unless the exit code is 0. Each case is generated from its own
/// seeded PCG (stream, case number), so a failure names the case that reproduces it. Commands run in-process.
/// </summary>
public sealed class BadInputProperties(SavedRunsFixture runs, ITestOutputHelper log) : IClassFixture<SavedRunsFixture>, IDisposable
{
    /// <summary>Cases per property: with the 200 of `runs`, 3,400 cases in all.</summary>
    public const int ScenarioCases = 800, GoalsCases = 400, ModelCases = 400, SavedRunCases = 1600;
    private const uint Stream = 2026;

    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    /// <summary>A scale at which the shipped world holds no enterprises: a valid input stops at that one message, before any simulation.</summary>
    private const string NoWorld = "0.000001";
    private const string ValidButEmpty = "the world would hold no enterprises";

    private sealed record Outcome(int Cases, int Ok, int Refused, int Logged);

    [Fact]
    public Task Damaged_scenario_files_are_refused_in_one_line() => Check("scenario", ScenarioCases, Mutation.ForJson, async (mutation, dir, i) =>
    {
        string source = Path.Combine(CliHarness.ConfigDir, "scenarios", new[] { "baseline", "policy-push", "brain-led", "fiscal-squeeze" }[i % 4] + ".json");
        string scenario = Path.Combine(dir, $"scenario-{i}.json");
        File.WriteAllBytes(scenario, mutation.Apply(File.ReadAllBytes(source)));
        return (await _cli.Run("run", "--scenario", scenario, "--scale", NoWorld, "--replications", "2", "--out", Path.Combine(dir, "out")), [Path.GetFileName(scenario), "calibrated.json"]);
    });

    [Fact]
    public Task Damaged_goals_files_are_refused_in_one_line() => Check("goals.json", GoalsCases, Mutation.ForJson, async (mutation, dir, i) =>
    {
        string config = CliHarness.CopyConfig(Path.Combine(dir, "config"));
        string goals = Path.Combine(config, "goals.json");
        File.WriteAllBytes(goals, mutation.Apply(File.ReadAllBytes(goals)));
        _cli.Config = config;
        return (await _cli.Run("run", "--scenario", "baseline", "--scale", NoWorld, "--replications", "2", "--out", Path.Combine(dir, "out")), ["goals.json"]);
    });

    [Fact]
    public Task Damaged_model_files_are_refused_in_one_line() => Check("model.json", ModelCases, Mutation.ForJson, async (mutation, dir, i) =>
    {
        string config = CliHarness.CopyConfig(Path.Combine(dir, "config"));
        string model = Path.Combine(config, "model.json");
        File.WriteAllBytes(model, mutation.Apply(File.ReadAllBytes(model)));
        _cli.Config = config;
        // A change to a default can make a scenario's override (in a file under config/) the first thing wrong.
        return (await _cli.Run("run", "--scenario", "baseline", "--scale", NoWorld, "--replications", "2", "--out", Path.Combine(dir, "out")), ["model.json", config]);
    });

    [Fact]
    public Task Damaged_saved_runs_are_refused_in_one_line() => Check("saved run", SavedRunCases,
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 19], Mutation.ForCsv, Mutation.ForJson, (file, command, csv, json) => (file, command, file == 0 ? json : csv)),
        async (c, dir, i) =>
        {
            var (file, command, mutation) = c;
            string run = Path.Combine(dir, "run"), other = Path.Combine(dir, "other");
            SavedRunsFixture.Copy(runs.Baseline, run);
            SavedRunsFixture.Copy(runs.PolicyPush, other);
            string damaged = Path.Combine(run, new[] { "manifest.json", "indicators.csv", "goals.csv", "goals.csv" }[file]);
            if (file == 3 && command % 4 == 0) File.Delete(damaged);
            else File.WriteAllBytes(damaged, mutation.Apply(File.ReadAllBytes(damaged)));
            var result = command switch
            {
                < 10 => await _cli.Run("show", run),
                < 19 => await _cli.Run("compare", "--from", other, run),
                _ => await _cli.Run("compare", "--from", other, run, "--out", Path.Combine(dir, "out")),
            };
            return (result, [Path.GetFileName(damaged), run]);
        });

    [Fact]
    public async Task Runs_lists_the_good_runs_whatever_a_damaged_one_holds()
    {
        // `zjsim runs` over a folder of one good and one damaged run: exit 0, the good one listed, at most one line for the other.
        var gen = Mutation.ForJson;
        for (int i = 0; i < 200; i++)
        {
            string root = Path.Combine(_cli.Temp, $"runs-{i}");
            SavedRunsFixture.Copy(runs.Baseline, Path.Combine(root, "a-good"));
            SavedRunsFixture.Copy(runs.Baseline, Path.Combine(root, "b-bad"));
            string manifest = Path.Combine(root, "b-bad", "manifest.json");
            var mutation = gen.Generate(new PCG(Stream + 7, (ulong)i), null, out _);
            File.WriteAllBytes(manifest, mutation.Apply(File.ReadAllBytes(manifest)));
            var r = await _cli.Run("runs", "--dir", root);
            Assert.True(r.ExitCode == 0, $"case {i} ({mutation}): exit {r.ExitCode}: {r.Error}");
            Assert.Contains("a-good", r.Out);
            var lines = ErrorLines(r.Error);
            Assert.True(lines.Length <= 1, $"case {i} ({mutation}): {r.Error}");
            if (lines.Length == 1) Assert.Contains("b-bad", lines[0]);
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task Check<T>(string what, int cases, Gen<T> gen, Func<T, string, int, Task<(CliHarness.Result, string[])>> runCase)
    {
        var clock = Stopwatch.StartNew();
        int ok = 0, refused = 0, logged = 0;
        for (int i = 0; i < cases; i++)
        {
            var input = gen.Generate(new PCG(Stream, (ulong)i), null, out _);
            string dir = Path.Combine(_cli.Temp, $"case-{i}");
            Directory.CreateDirectory(dir);
            _cli.Config = CliHarness.ConfigDir;
            var (r, names) = await runCase(input, dir, i);
            string label = $"{what} case {i} (PCG stream {Stream}, seed {i}: {input})";
            var lines = ErrorLines(r.Error);
            Assert.True(lines.Length <= 1, $"{label}: more than one error line:\n{r.Error}");
            switch (r.ExitCode)
            {
                case 0: ok++; break;
                case 2 when lines.Length == 1 && lines[0].Contains(ValidButEmpty): ok++; break;
                case 2:
                    refused++;
                    Assert.True(lines.Length == 1 && names.Any(n => lines[0].Contains(n)), $"{label}: the message names none of {string.Join(", ", names)}:\n{r.Error}");
                    break;
                case 1:
                    logged++;
                    var trace = Regex.Match(r.Error, @"the full trace is in (\S+)$", RegexOptions.Multiline);
                    Assert.True(trace.Success && File.Exists(trace.Groups[1].Value.Trim()), $"{label}: exit 1 without its log file:\n{r.Error}");
                    if (logged <= 5) log.WriteLine($"{label}: {r.Error.Trim()}\n{string.Join("\n", File.ReadLines(trace.Groups[1].Value.Trim()).Skip(3).Take(6))}");
                    File.Delete(trace.Groups[1].Value.Trim());
                    break;
                default:
                    Assert.Fail($"{label}: exit code {r.ExitCode}:\n{r.Error}");
                    break;
            }
            string output = Path.Combine(dir, "out");
            if (r.ExitCode != 0)
                Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), $"{label}: wrote into DIR and failed");
            Assert.Empty(Directory.GetDirectories(dir, ".*partial*", SearchOption.AllDirectories));
            Directory.Delete(dir, recursive: true);
        }
        log.WriteLine($"{what}: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s: {ok} valid, {refused} refused (exit 2), {logged} internal errors (exit 1)");
        Assert.Equal(0, logged);   // every damage found so far is known bad input; an internal error means a new class
    }

    private static string[] ErrorLines(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
