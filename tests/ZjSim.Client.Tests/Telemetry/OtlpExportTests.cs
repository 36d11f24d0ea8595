using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ZjSim.Hosting;

namespace ZjSim.Client.Tests.Telemetry;

/// <summary>Exports a run over OTLP/HTTP to a small receiver on loopback and checks what arrived.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_run_reaches_an_otlp_receiver_with_its_trace_id_and_spans()
    {
        int port = LoopbackPort.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Path, string? ContentType, byte[] Body)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));   // bounded whatever happens
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync().WaitAsync(stop.Token); }
                catch (Exception) { break; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (received) received.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        });

        string dir = _cli.Path("otlp");
        var r = await _cli.Run("run", "--scenario", "baseline", "--replications", "2", "--seed", "3", "--scale", "0.005",
            "--otlp-endpoint", $"http://127.0.0.1:{port}", "--out", dir);
        stop.Cancel();
        listener.Stop();
        await receiving;
        Assert.True(r.ExitCode == 0, r.Error);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        string traceId = manifest["trace_id"]!.GetValue<string>();
        string runId = manifest["run_id"]!.GetValue<string>();
        List<(string Path, string? ContentType, byte[] Body)> got;
        lock (received) got = received.ToList();

        var traces = got.Where(x => x.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, t => Assert.Equal("application/x-protobuf", t.ContentType));
        // OTLP protobuf carries the trace id as 16 raw bytes and names and attribute values as UTF-8.
        byte[] all = traces.SelectMany(t => t.Body).ToArray();
        Assert.True(IndexOf(all, Convert.FromHexString(traceId)) >= 0, "trace id not in the exported spans");
        foreach (var text in new[] { "zjsim run", "zjsim.replication", "zjsim.year", "zjsim.goal_check", runId, "baseline" })
            Assert.True(IndexOf(all, Encoding.UTF8.GetBytes(text)) >= 0, $"'{text}' not in the exported spans");
        Assert.Contains(got, x => x.Path == "/v1/metrics" && IndexOf(x.Body, Encoding.UTF8.GetBytes("zjsim.enterprise_years")) >= 0);
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
