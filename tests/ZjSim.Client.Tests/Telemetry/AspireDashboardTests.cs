using System.Diagnostics;
using System.Text.Json.Nodes;
using ZjSim.Hosting;

namespace ZjSim.Client.Tests.Telemetry;

/// <summary>
/// A traced run lands whole in a real OTLP receiver: scripts/telemetry-up.sh starts the Aspire Dashboard on free
/// loopback ports, a small run sends its trace over OTLP/HTTP, and the dashboard's telemetry API gives it back with
/// one root, every span's parent present and the manifest's trace id; telemetry-down.sh stops exactly that pid.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class AspireDashboardTests
{
    private static string Repo => Path.GetDirectoryName(CliHarness.ConfigDir)!;

    private static async Task<(int Code, string Out)> Script(string name, IDictionary<string, string> env)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(Repo, "scripts", name));
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task A_run_trace_reads_back_whole_from_the_dashboard_api()
    {
        using var cli = new CliHarness();
        int ui = LoopbackPort.Free(), grpc = LoopbackPort.Free(), http = LoopbackPort.Free();
        var env = new Dictionary<string, string>
        {
            ["ZJSIM_TELEMETRY_STATE"] = cli.Path("telemetry"),
            ["ZJSIM_DASHBOARD_UI_PORT"] = ui.ToString(),
            ["ZJSIM_DASHBOARD_GRPC_PORT"] = grpc.ToString(),
            ["ZJSIM_DASHBOARD_HTTP_PORT"] = http.ToString(),
        };
        var (upCode, upOut) = await Script("telemetry-up.sh", env);
        int pid = File.Exists(cli.Path("telemetry/dashboard.pid")) ? int.Parse(File.ReadAllText(cli.Path("telemetry/dashboard.pid")).Trim()) : 0;
        try
        {
            Assert.True(upCode == 0, "telemetry-up.sh failed:\n" + upOut);
            Assert.True(pid > 0, "telemetry-up.sh wrote no pid");

            string dir = cli.Path("run");
            var r = await cli.Run("run", "--scenario", "baseline", "--replications", "2", "--scale", "0.005", "--seed", "3",
                "--out", dir, "--otlp-endpoint", $"http://127.0.0.1:{http}");
            Assert.True(r.ExitCode == 0, r.Error);
            string traceId = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!["trace_id"]!.GetValue<string>();

            // The run's host flushed its exporters before the command returned, so the trace is there now.
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ui}") };
            var json = JsonNode.Parse(await client.GetStringAsync($"/api/telemetry/traces/{traceId}"))!;
            var spans = json["data"]!["resourceSpans"]!.AsArray()
                .SelectMany(rs => rs!["scopeSpans"]!.AsArray()).SelectMany(ss => ss!["spans"]!.AsArray()).Select(s => s!).ToList();
            Assert.True(spans.Count > 10, $"only {spans.Count} spans came back");
            Assert.All(spans, s => Assert.Equal(traceId, s["traceId"]!.GetValue<string>()));
            var ids = spans.Select(s => s["spanId"]!.GetValue<string>()).ToHashSet();
            string? Parent(JsonNode s) => s["parentSpanId"]?.GetValue<string>() is { Length: > 0 } p ? p : null;
            var root = Assert.Single(spans, s => Parent(s) is null);
            Assert.Equal("zjsim run", root["name"]!.GetValue<string>());
            Assert.All(spans.Where(s => Parent(s) is not null), s => Assert.Contains(Parent(s)!, ids));
            Assert.Contains(spans, s => s["name"]!.GetValue<string>() == "zjsim.replication");
        }
        finally
        {
            var (downCode, downOut) = await Script("telemetry-down.sh", env);
            Assert.True(downCode == 0, downOut);
        }
        Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("Aspire.Dashboard"),
            $"the dashboard (pid {pid}) still runs after telemetry-down.sh");
    }
}
