using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// The built zjsim as a real process, stopped by a real signal once its progress shows a finished replication:
/// SIGINT (Ctrl+C) and SIGTERM (kill, systemd, a CI time-out) stop `run` and `compare` cleanly, with the documented
/// exit code (130, 143), exactly one line on stderr (no Orleans or Polly records), and the finished replications
/// kept in DIR, marked partial. Every wait is on the process's output or exit, bounded so a hang fails the test.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed partial class SignalTests(ITestOutputHelper output) : IDisposable
{
    private const int SIGINT = 2, SIGTERM = 15;
    private const int Replications = 80;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(SIGINT, 130)]
    [InlineData(SIGTERM, 143)]
    public async Task A_signalled_run_keeps_its_finished_replications_marked_partial(int signal, int expectedCode)
    {
        string dir = _cli.Path($"run-{signal}");
        using var zjsim = Start(["run", "--scenario", "baseline", .. SlowRun, "--out", dir]);
        await zjsim.WaitForLine(l => Completed(l, "baseline") > 0, Patience, "progress showing a finished replication");
        zjsim.Signal(signal);
        int code = await zjsim.WaitForExit(Patience);

        output.WriteLine(zjsim.Output);
        Assert.True(code == expectedCode, $"exit {code}, expected {expectedCode}:\n{zjsim.Output}");
        var message = Assert.Single(zjsim.ErrorLines);
        Assert.StartsWith("zjsim run: cancelled; kept the ", message);
        AssertPartial(dir);
        AssertNoStaging();
    }

    [Theory]
    [InlineData(SIGINT, 130)]
    [InlineData(SIGTERM, 143)]
    public async Task A_signalled_compare_keeps_each_scenarios_finished_replications_marked_partial(int signal, int expectedCode)
    {
        string dir = _cli.Path($"compare-{signal}");
        using var zjsim = Start(["compare", "baseline", "policy-push", .. SlowRun, "--out", dir]);
        // Both scenarios must have a finished replication, or there is nothing to compare and nothing is written.
        await zjsim.WaitForLine(l => Completed(l, "baseline") > 0, Patience, "baseline's first finished replication");
        await zjsim.WaitForLine(l => Completed(l, "policy-push") > 0, Patience, "policy-push's first finished replication");
        zjsim.Signal(signal);
        int code = await zjsim.WaitForExit(Patience);

        output.WriteLine(zjsim.Output);
        Assert.True(code == expectedCode, $"exit {code}, expected {expectedCode}:\n{zjsim.Output}");
        var message = Assert.Single(zjsim.ErrorLines);
        Assert.StartsWith("zjsim compare: cancelled; kept the finished replications", message);
        Assert.True(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!["partial"]!.GetValue<bool>());
        AssertPartial(Path.Combine(dir, "baseline"));
        AssertPartial(Path.Combine(dir, "policy-push"));
        AssertNoStaging();
    }

    [Fact]
    public async Task A_silo_stops_cleanly_on_SIGTERM_and_exits_0()
    {
        using var silo = new ChildProcess("zjsim-silo", "dotnet",
            [Binaries.Silo, "--silo-port", ZjSim.Hosting.LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
             "--gateway-port", ZjSim.Hosting.LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)],
            _cli.Temp, Environment());
        await silo.WaitForLine(l => l.StartsWith("zjsim-silo: ready", StringComparison.Ordinal), Patience, "ready line");
        silo.Signal(SIGTERM);
        Assert.Equal(0, await silo.WaitForExit(Patience));
        Assert.Contains("zjsim-silo: stopped", silo.Lines);
        Assert.Empty(silo.ErrorLines);
    }

    // Enterprise granularity at a small scale, one lane per scenario, four batches: the run is far from its end when the
    // first batch shows, whatever the machine's load. With 20 replications a batch took half a second, and in one CI run
    // the run ended before the signal took effect (the output showed 20/20 1.4 s after the line that triggered it).
    private static readonly string[] SlowRun =
        ["--replications", Replications.ToString(CultureInfo.InvariantCulture), "--concurrency", "1", "--scale", "0.004", "--granularity", "enterprise", "--seed", "5"];

    private ChildProcess Start(string[] args)
    {
        string[] zjsim = ["dotnet", Binaries.Client, "--config", CliHarness.ConfigDir, .. args];
        // A process started in the background by a non-interactive shell (`cmd &` in a script, nohup) inherits SIGINT
        // ignored, and a signal ignored at exec stays ignored in the child: zjsim then never sees the Ctrl+C this test
        // sends. Restore its default for the child, as an interactive terminal would have it.
        if (!SigintIgnored()) return new("zjsim", zjsim[0], zjsim[1..], _cli.Temp, Environment());
        const string restore = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";
        return new("zjsim", "python3", ["-c", restore, .. zjsim], _cli.Temp, Environment());
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status).</summary>
    private static bool SigintIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SIGINT - 1))) != 0;
    }

    /// <summary>Crash and shutdown logs in the test's folder, not the user's.</summary>
    private Dictionary<string, string> Environment() => new() { ["XDG_STATE_HOME"] = _cli.Path("state") };

    private static void AssertPartial(string dir)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.True(manifest["partial"]!.GetValue<bool>());
        int completed = manifest["completed_replications"]!.GetValue<int>();
        Assert.InRange(completed, 1, Replications - 1);
        int inGoals = File.ReadAllLines(Path.Combine(dir, "goals.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count();
        Assert.Equal(completed, inGoals);
    }

    private void AssertNoStaging() => Assert.Empty(Directory.GetDirectories(_cli.Temp, ".*partial*"));

    /// <summary>Replications done for the scenario, read from a progress line ("  baseline: 5/20 replications, 3.1 s"), or -1.</summary>
    private static int Completed(string line, string scenario)
    {
        var m = ProgressLine().Match(line);
        return m.Success && m.Groups[1].Value == scenario ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"^\s+([\w-]+): (\d+)/\d+ replications")]
    private static partial Regex ProgressLine();
}
