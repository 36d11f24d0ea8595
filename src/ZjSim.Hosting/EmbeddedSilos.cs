using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZjSim.Grains;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Hosting;

/// <summary>
/// Silos inside this process, on loopback, on free ports (so two runs, or parallel tests, never collide):
/// one for `zjsim run`, a few for the bench; silos after the first join it as the primary (development
/// membership). Their logs go to stderr, so stdout stays the run's report.
/// </summary>
public sealed class EmbeddedSilos : ISimulationHost
{
    private readonly List<IHost> _hosts;
    private readonly ShutdownLogs _logs;
    private readonly CancellationTokenRegistration _onCancel;

    private EmbeddedSilos(List<IHost> hosts, string description, ShutdownLogs logs, CancellationToken cancellation)
    {
        _hosts = hosts;
        _logs = logs;
        // Cancelled (Ctrl+C, SIGTERM): the silo's records about the calls it cuts short go to the file from now on.
        _onCancel = cancellation.Register(logs.Redirect);
        Grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
        Description = description;
    }

    public IGrainFactory Grains { get; }

    /// <summary>State arrays the silos keep for the next run's grains (<see cref="StateArrayPool"/>): held, but not data.</summary>
    public long PooledStateBytes => _hosts.Sum(h => h.Services.GetRequiredService<StateArrayPool>().Bytes);
    public string Description { get; }
    public int Count => _hosts.Count;

    /// <summary>One silo, as `zjsim run` starts it; its records during shutdown go to a log file in <paramref name="logFolder"/>.</summary>
    public static Task<EmbeddedSilos> StartAsync(TelemetryOptions? telemetry, CancellationToken cancellation, string? logFolder = null) =>
        StartAsync(1, telemetry, LogLevel.Warning, cancellation, logFolder: logFolder);

    /// <param name="adjust">Changes each silo's settings (tests: retention, a short idle collection age).</param>
    public static async Task<EmbeddedSilos> StartAsync(int silos, TelemetryOptions? telemetry, LogLevel logs, CancellationToken cancellation,
        Func<SiloSettings, SiloSettings>? adjust = null, string? logFolder = null)
    {
        var shutdownLogs = new ShutdownLogs("zjsim", logFolder);
        var hosts = new List<IHost>();
        SiloSettings? first = null;
        try
        {
            for (int i = 0; i < silos; i++)
            {
                var settings = new SiloSettings
                {
                    SiloPort = LoopbackPort.Free(), GatewayPort = LoopbackPort.Free(),
                    Primary = first is null ? null : new IPEndPoint(IPAddress.Loopback, first.SiloPort),
                    Telemetry = telemetry ?? TelemetryOptions.Off, Logs = logs, ShutdownLogs = shutdownLogs,
                    // One silo holds every directory entry itself: an address cache would only fill with finished runs' grains.
                    DirectoryCacheSize = silos == 1 ? 0 : SiloSettings.DefaultDirectoryCacheSize,
                };
                settings = settings with { ClusterId = $"zjsim-embedded-{(first ?? settings).SiloPort}" };
                if (adjust is not null) settings = adjust(settings);
                var host = SiloHost.Build(settings);
                hosts.Add(host);
                await host.StartAsync(cancellation);
                first ??= settings;
            }
        }
        catch
        {
            shutdownLogs.Redirect();
            await StopAll(hosts);
            shutdownLogs.Close();
            throw;
        }
        string description = silos == 1
            ? $"embedded silo on 127.0.0.1:{first!.SiloPort} (gateway {first.GatewayPort})"
            : $"{silos} embedded silos, the first on 127.0.0.1:{first!.SiloPort} (gateway {first.GatewayPort})";
        var embedded = new EmbeddedSilos(hosts, description, shutdownLogs, cancellation);
        if (silos > 1) await embedded.WaitForMembers(silos, cancellation);
        return embedded;
    }

    /// <summary>Until the first silo sees every silo active, so a run can place grains on all of them.</summary>
    private async Task WaitForMembers(int silos, CancellationToken cancellation)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await management.GetHosts(onlyActive: true)).Count < silos)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{silos} silos did not form a cluster in 60 s");
            await Task.Delay(200, cancellation);
        }
    }

    /// <summary>The log file the silos' records went to while they stopped, if they wrote any.</summary>
    public string? ShutdownLogFile => _logs.FilePath;

    /// <summary>Stops the silos, after the command has cancelled or finished its runs; their records go to the log file.</summary>
    public async ValueTask DisposeAsync()
    {
        _logs.Redirect();
        await _onCancel.DisposeAsync();
        await StopAll(_hosts);
        _logs.Close();
    }

    /// <summary>Joiners stop before the primary, which holds the development membership table.</summary>
    private static async Task StopAll(List<IHost> hosts)
    {
        for (int i = hosts.Count - 1; i >= 0; i--)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await hosts[i].StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
            hosts[i].Dispose();
        }
    }
}
