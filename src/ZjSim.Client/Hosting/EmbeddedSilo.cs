using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZjSim.Grains;
using ZjSim.Grains.Telemetry;

namespace ZjSim.Client.Hosting;

/// <summary>
/// A single silo inside the zjsim process, on loopback, on free ports (so two runs, or parallel tests,
/// never collide). Its logs go to stderr at Warning and above, so stdout stays the run's report.
/// </summary>
public sealed class EmbeddedSilo : ISimulationHost
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Description = $"embedded silo on 127.0.0.1:{siloPort} (gateway {gatewayPort})";
    }

    public IGrainFactory Grains { get; }
    public string Description { get; }

    public static async Task<EmbeddedSilo> StartAsync(TelemetryOptions? telemetry, CancellationToken cancellation)
    {
        int siloPort = LoopbackPort.Free(), gatewayPort = LoopbackPort.Free();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The watchdog warns on any scheduling stall (a busy 2-core machine, a paused VM): noise for a CLI user.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.AddZjSimTelemetry(telemetry ?? TelemetryOptions.Off, "zjsim");
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "zjsim", clusterId: $"zjsim-embedded-{siloPort}");
            silo.AddZjSim();
        });
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new EmbeddedSilo(host, siloPort, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _host.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        _host.Dispose();
    }
}
