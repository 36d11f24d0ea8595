using ZjSim.Hosting;

namespace ZjSim.Client.Tests.Telemetry;

/// <summary>A dead OTLP endpoint is named on stderr; the run itself still succeeds and writes its results.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class CollectorWarningTests
{
    [Fact]
    public async Task A_collector_that_cannot_be_reached_is_a_warning_on_stderr()
    {
        using var cli = new CliHarness();
        int port = LoopbackPort.Free();   // nothing listens there
        var r = await cli.Run("run", "--scenario", "baseline", "--replications", "1", "--scale", "0.005",
            "--out", cli.Path("run"), "--otlp-endpoint", $"http://127.0.0.1:{port}");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"warning: no OTLP collector answers at 127.0.0.1:{port}", r.Error);
        Assert.DoesNotContain("warning", r.Out);
        Assert.True(File.Exists(cli.Path("run/manifest.json")));
    }
}
