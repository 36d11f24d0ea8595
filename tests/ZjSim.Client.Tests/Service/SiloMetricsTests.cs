using System.Text.Json;
using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// zjsim-silo --metrics-out FILE (what zjsim-bench --processes reads): Redis and one silo process, a small run of the
/// client against it, then the file is read until it counts the client's requests through the gateway and the
/// messages that stayed in the silo.
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
        await cluster.AddSilo();

        var run = await _cli.Run("--cluster", cluster.Address, "run", "--scenario", "baseline", "--replications", "2", "--scale", "0.01", "--out", _cli.Path("out"));
        Assert.True(run.ExitCode == 0, run.Error);

        // The silo rewrites the file every second: read it until it holds what the run did.
        var deadline = DateTime.UtcNow + Patience;
        string text = "";
        while (true)
        {
            if (File.Exists(file))
            {
                text = File.ReadAllText(file);
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                long requests = root.GetProperty("totals").EnumerateObject()
                    .Where(p => p.Name.StartsWith("received/", StringComparison.Ordinal) && p.Name.Contains("/Request/", StringComparison.Ordinal)
                        && !p.Name.Contains("SiloToSilo", StringComparison.Ordinal))
                    .Sum(p => p.Value.GetProperty("count").GetInt64());
                if (requests > 0 && root.GetProperty("local_messages").GetInt64() > 0)
                {
                    Assert.True(root.GetProperty("cpu_seconds").GetDouble() > 0);
                    break;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"the metrics file never counted the run's requests: {text}");
            await Task.Delay(200);   // a poll of the file the silo rewrites, bounded by the deadline above
        }
        output.WriteLine(text);

        // A folder that does not exist: one line naming the option, exit code 2.
        var bad = cluster.Track(new ChildProcess("silo", "dotnet", [Binaries.Silo, "--metrics-out", "/no/such/folder/m.json"], cluster.Folder));
        Assert.Equal(2, await bad.WaitForExit(Patience));
        Assert.Contains("--metrics-out", bad.Output);
    }
}
