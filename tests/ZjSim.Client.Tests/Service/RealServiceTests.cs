using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// Redis, three zjsim-silo processes (two with gateways, one without) and the zjsim client as a process,
/// all on loopback. Mid-run, the silo without a gateway is killed with SIGKILL, then a gateway silo that the
/// client is connected to. The run must complete, say what it retried, and write the same goals.csv and
/// indicators.csv as an embedded run.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed partial class RealServiceTests(ITestOutputHelper output) : IDisposable
{
    private const int Replications = 16;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_run_survives_SIGKILL_of_a_silo_and_of_the_clients_gateway()
    {
        string[] common = ["run", "--scenario", "baseline", "--replications", Replications.ToString(), "--seed", "7", "--scale", "1"];
        await using var cluster = await LocalService.StartAsync(true, true, false);
        string clusterOut = _cli.Path("cluster");
        var client = cluster.Track(new ChildProcess("zjsim", "dotnet",
            [Binaries.Client, "--cluster", cluster.Address, .. common, "--out", clusterOut, "--config", CliHarness.ConfigDir], cluster.Folder));

        await client.WaitForLine(l => Completed(l) >= 4, RunTimeout, "progress to 4 replications");
        var computeOnly = cluster.Silos.Single(s => s.GatewayPort == 0);
        AssertUnfinished(client);
        computeOnly.Process.Kill();

        await client.WaitForLine(l => Completed(l) >= 10, RunTimeout, "progress to 10 replications");
        var gateways = cluster.Silos.Where(s => s.GatewayPort > 0 && ConnectedTo(client.Pid, s.GatewayPort)).ToList();
        Assert.True(gateways.Count > 0, "the client holds no connection to any gateway");
        AssertUnfinished(client);
        gateways[0].Process.Kill();

        int code = await client.WaitForExit(RunTimeout);
        output.WriteLine($"killed silo pid {computeOnly.Process.Pid} (no gateway), then pid {gateways[0].Process.Pid} (gateway {gateways[0].GatewayPort}):\n{client.Output}");
        Assert.True(code == 0, client.Output);
        Assert.Contains(client.Lines, l => l.Contains("retry:", StringComparison.Ordinal));
        Assert.Contains(client.Lines, l => l.Contains("Work by silo", StringComparison.Ordinal));

        string embeddedOut = _cli.Path("embedded");
        var embedded = await _cli.Run([.. common, "--out", embeddedOut]);
        Assert.True(embedded.ExitCode == 0, embedded.Error);
        foreach (var file in new[] { "indicators.csv", "goals.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(embeddedOut, file)), File.ReadAllBytes(Path.Combine(clusterOut, file)));
    }

    [Fact]
    public async Task A_client_that_cannot_reach_the_cluster_says_so_once_and_exits_2()
    {
        await using var cluster = await LocalService.StartAsync();   // Redis only: no silo is up
        var r = await _cli.Run("--cluster", cluster.Address, "run", "--scenario", "baseline", "--out", _cli.Path("none"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"no silo of the cluster at {cluster.Address} is up", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(_cli.Path("none")));
    }

    private static void AssertUnfinished(ChildProcess client) =>
        Assert.False(client.Lines.Any(l => Completed(l) == Replications), "the run ended before the kill; give it more work");

    /// <summary>Replications done, read from a progress line ("  baseline: 7/16 replications, 3.1 s"), or -1.</summary>
    private static int Completed(string line)
    {
        var m = ProgressLine().Match(line);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"^\s+(?:[\w-]+: )?(\d+)/\d+ replications")]
    private static partial Regex ProgressLine();

    /// <summary>Whether the process holds an established TCP connection to a loopback port (from /proc).</summary>
    private static bool ConnectedTo(int pid, int port)
    {
        var inodes = Directory.GetFiles($"/proc/{pid}/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget ?? ""; } catch (IOException) { return ""; } })
            .Where(t => t.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(t => t[8..^1])
            .ToHashSet();
        string hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists)
            .SelectMany(File.ReadLines).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f.Length > 9 && f[3] == "01" && f[2].EndsWith(":" + hexPort, StringComparison.Ordinal) && inodes.Contains(f[9]));
    }
}
