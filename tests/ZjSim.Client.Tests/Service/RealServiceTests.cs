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
    // Enough work to outlast a silo's death declaration (some 15 s) between the two kills; for the compare, enough that
    // it is still going when the kill lands after its fourth replication (16 once finished first, the JIT warming faster).
    private const int Replications = 96, CompareReplications = 64;
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

        // The second kill only once the first silo is declared dead: with both lost at once, the lone survivor lacks
        // the votes to declare either (see LocalService.WaitUntilDeclaredDead).
        await cluster.WaitUntilDeclaredDead(computeOnly, RunTimeout);
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
    public async Task A_compare_survives_SIGKILL_of_a_silo_with_the_same_results()
    {
        string[] common = ["compare", "baseline", "policy-push", "--replications", CompareReplications.ToString(), "--seed", "11", "--scale", "0.5"];
        await using var cluster = await LocalService.StartAsync(true, false);
        string clusterOut = _cli.Path("cluster-compare");
        var client = cluster.Track(new ChildProcess("zjsim", "dotnet",
            [Binaries.Client, "--cluster", cluster.Address, .. common, "--out", clusterOut, "--config", CliHarness.ConfigDir], cluster.Folder));

        await client.WaitForLine(l => Completed(l) >= 4, RunTimeout, "progress to 4 replications");
        var computeOnly = cluster.Silos.Single(s => s.GatewayPort == 0);
        AssertUnfinished(client, CompareReplications);
        computeOnly.Process.Kill();

        int code = await client.WaitForExit(RunTimeout);
        output.WriteLine($"killed silo pid {computeOnly.Process.Pid} (no gateway):\n{client.Output}");
        Assert.True(code == 0, client.Output);
        Assert.DoesNotContain(cluster.Password, client.Output);

        string embeddedOut = _cli.Path("embedded-compare");
        var embedded = await _cli.Run([.. common, "--out", embeddedOut]);
        Assert.True(embedded.ExitCode == 0, embedded.Error);
        foreach (var file in new[] { "comparison.csv", "baseline/indicators.csv", "baseline/goals.csv", "policy-push/indicators.csv", "policy-push/goals.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(embeddedOut, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(clusterOut, file))), $"{file} differs");
    }

    [Fact]
    public async Task Forget_and_the_silos_retention_limit_remove_runs_from_Redis()
    {
        await using var cluster = await LocalService.StartAsync();
        cluster.SiloOptions = ["--keep-runs", "1"];
        await cluster.AddSilo();
        string[] tiny = ["run", "--scenario", "baseline", "--replications", "2", "--scale", "0.01"];
        var ids = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            var r = await _cli.Run(["--cluster", cluster.Address, .. tiny, "--out", _cli.Path($"tiny{i}")]);
            Assert.True(r.ExitCode == 0, r.Error);
            ids.Add(RunId().Match(r.Out).Groups[1].Value);
        }
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.RedisPort},password={cluster.Password}");
        var server = redis.GetServers().Single();
        int KeysOf(string id) => server.Keys(pattern: $"*{id}*").Count();

        // Keep 1: the first run was forgotten when the second finished.
        Assert.Equal(0, KeysOf(ids[0]));
        Assert.True(KeysOf(ids[1]) > 0, "the newest run's state is not in Redis");
        var unknown = await _cli.Run("--cluster", cluster.Address, "forget", ids[0]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal($"zjsim forget: the cluster at {cluster.ShownAddress} has no run '{ids[0]}'", unknown.Error.Trim());

        var forgot = await _cli.Run("--cluster", cluster.Address, "forget", ids[1]);
        Assert.True(forgot.ExitCode == 0, forgot.Error);
        Assert.Equal(0, KeysOf(ids[1]));
        var attach = await _cli.Run("--cluster", cluster.Address, "attach", ids[1], "--out", _cli.Path("attached"));
        Assert.Equal(2, attach.ExitCode);
        Assert.Contains("has no run", attach.Error);
    }

    [GeneratedRegex(@"^run (\S+):", RegexOptions.Multiline)]
    private static partial Regex RunId();

    [Fact]
    public async Task A_client_that_cannot_reach_the_cluster_says_so_once_and_exits_2()
    {
        await using var cluster = await LocalService.StartAsync();   // Redis only: no silo is up
        var r = await _cli.Run("--cluster", cluster.Address, "run", "--scenario", "baseline", "--out", _cli.Path("none"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"no silo of the cluster at {cluster.ShownAddress} is up", r.Error);
        Assert.DoesNotContain(cluster.Password, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(_cli.Path("none")));
    }

    private static void AssertUnfinished(ChildProcess client, int total = Replications) =>
        Assert.False(client.Lines.Any(l => Completed(l) == total), "the run ended before the kill; give it more work");

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
