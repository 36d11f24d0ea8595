using System.Text.Json;
using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// zjsim-silo --metrics-out FILE (what zjsim-bench --processes reads): Redis and one silo process, a small run of the
/// client against it, then the silo is stopped and its final file must count the client's requests through the
/// gateway and the messages that stayed in the silo.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class SiloMetricsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_metrics_file_counts_the_gateways_requests_and_the_messages_inside_the_silo()
    {
        await using var cluster = await LocalService.StartAsync();
        string file = Path.Combine(cluster.Folder, "metrics.json");
        cluster.SiloOptions = ["--metrics-out", file];
        var silo = await cluster.AddSilo();

        var run = await _cli.Run("--cluster", cluster.Address, "run", "--scenario", "baseline", "--replications", "2", "--scale", "0.01", "--out", _cli.Path("out"));
        Assert.True(run.ExitCode == 0, run.Error);

        // Stopped, the silo writes its final totals: wait for its exit, not on the clock, then read them once.
        silo.Process.Signal(15);
        Assert.Equal(0, await silo.Process.WaitForExit(Patience));
        string text = File.ReadAllText(file);
        using (var doc = JsonDocument.Parse(text))
        {
            var root = doc.RootElement;
            Assert.True(root.GetProperty("final").GetBoolean());
            long requests = root.GetProperty("totals").EnumerateObject()
                .Where(p => p.Name.StartsWith("received/", StringComparison.Ordinal) && p.Name.Contains("/Request/", StringComparison.Ordinal)
                    && !p.Name.Contains("SiloToSilo", StringComparison.Ordinal))
                .Sum(p => p.Value.GetProperty("count").GetInt64());
            Assert.True(requests > 0, $"the metrics file did not count the run's requests through the gateway: {text}");
            Assert.True(root.GetProperty("local_messages").GetInt64() > 0, $"the metrics file did not count messages inside the silo: {text}");
            Assert.True(root.GetProperty("cpu_seconds").GetDouble() > 0);
        }
        output.WriteLine(text);

        // A folder that does not exist: one line naming the option, exit code 2.
        var bad = cluster.Track(new ChildProcess("silo", "dotnet", [Binaries.Silo, "--metrics-out", "/no/such/folder/m.json"], cluster.Folder));
        Assert.Equal(2, await bad.WaitForExit(Patience));
        Assert.Contains("--metrics-out", bad.Output);
    }
}
