using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using ZjSim.Hosting;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// zjsim-silo --dashboard: Redis and one silo process with the Orleans Dashboard on a free loopback port, a run of
/// the zjsim client against it, and the dashboard asked over HTTP while the run is under way; then the client is
/// killed, since the run only had to be under way.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed partial class SiloDashboardTests(ITestOutputHelper output) : IDisposable
{
    // Far more work than the check needs: the client is stopped (its pid, SIGKILL) once the dashboard has shown the run.
    private const int Replications = 400;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_dashboard_shows_the_silo_and_the_ZjSim_grains_during_a_run()
    {
        await using var cluster = await LocalService.StartAsync();
        int port = LoopbackPort.Free();
        cluster.SiloOptions = ["--dashboard", port.ToString(CultureInfo.InvariantCulture)];
        var silo = await cluster.AddSilo();
        Assert.Contains(silo.Process.Lines, l => l.Contains($"dashboard http://127.0.0.1:{port}/", StringComparison.Ordinal));
        Assert.True(ListensOnLoopbackOnly(port), $"the dashboard's port {port} is open beyond 127.0.0.1");

        var client = cluster.Track(new ChildProcess("zjsim", "dotnet",
            [Binaries.Client, "--cluster", cluster.Address, "run", "--scenario", "baseline", "--replications", Replications.ToString(CultureInfo.InvariantCulture),
             "--seed", "3", "--scale", "1", "--out", _cli.Path("out"), "--config", CliHarness.ConfigDir], cluster.Folder));
        await client.WaitForLine(l => Completed(l) >= 1, RunTimeout, "progress of one replication");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);

        string types = await http.GetStringAsync("GrainTypes");
        Assert.Contains("\"ZjSim.Grains.RunGrain\"", types, StringComparison.Ordinal);
        Assert.Contains("\"ZjSim.Grains.EnterpriseGrain\"", types, StringComparison.Ordinal);

        // The counters are gathered about once a second: read them until they show this silo and a ZjSim grain at work.
        string counters = "";
        var deadline = DateTime.UtcNow + RunTimeout;
        while (!(counters.Contains($"127.0.0.1:{silo.SiloPort}", StringComparison.Ordinal) && counters.Contains("ZjSim.Grains.", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the dashboard's counters never named the silo and a ZjSim grain: {counters}");
            counters = await http.GetStringAsync("DashboardCounters");
            if (client.HasExited) break;
            await Task.Delay(250);   // a poll of the counters' state, bounded by the deadline above
        }
        bool duringRun = !client.Lines.Any(l => Completed(l) == Replications);
        output.WriteLine($"dashboard on {port}; counters read {(duringRun ? "during" : "after")} the run: {counters[..Math.Min(counters.Length, 600)]}");
        Assert.True(duringRun, "the run ended before the dashboard showed it; give it more work");
        Assert.Contains($"127.0.0.1:{silo.SiloPort}", counters, StringComparison.Ordinal);
        Assert.Contains("ZjSim.Grains.", counters, StringComparison.Ordinal);
        client.Kill();
    }

    [Fact]
    public async Task Without_the_option_no_dashboard_port_is_opened()
    {
        await using var cluster = await LocalService.StartAsync(true);
        var silo = cluster.Silos.Single();
        Assert.DoesNotContain(silo.Process.Lines, l => l.Contains("dashboard", StringComparison.Ordinal));
        Assert.Equal(new[] { silo.SiloPort, silo.GatewayPort }.Order(), ListeningPorts(silo.Process.Pid).Order().ToArray());
    }

    /// <summary>Whether some socket listens on the port, and every one that does is bound to 127.0.0.1 (from /proc/net).</summary>
    private static bool ListensOnLoopbackOnly(int port)
    {
        var local = Listeners().Where(l => l.Port == port).ToList();
        return local.Count > 0 && local.All(l => l.Address == "0100007F");
    }

    /// <summary>The TCP ports a process listens on (its sockets matched against /proc/net/tcp*).</summary>
    private static IEnumerable<int> ListeningPorts(int pid)
    {
        var inodes = Directory.GetFiles($"/proc/{pid}/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget ?? ""; } catch (IOException) { return ""; } })
            .Where(t => t.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(t => t[8..^1])
            .ToHashSet();
        return Listeners().Where(l => inodes.Contains(l.Inode)).Select(l => l.Port).Distinct();
    }

    private static IEnumerable<(string Address, int Port, string Inode)> Listeners() =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists)
            .SelectMany(File.ReadLines).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[3] == "0A")   // state 0A: LISTEN
            .Select(f => (f[1].Split(':')[0], int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), f[9]));

    /// <summary>Replications done, read from a progress line ("  baseline: 7/24 replications, 3.1 s"), or -1.</summary>
    private static int Completed(string line)
    {
        var m = ProgressLine().Match(line);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"^\s+(?:[\w-]+: )?(\d+)/\d+ replications")]
    private static partial Regex ProgressLine();
}
