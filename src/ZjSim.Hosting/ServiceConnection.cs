using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;
using ZjSim.Grains;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Hosting;

/// <summary>
/// A client of a ZjSim service (an Orleans cluster of silos): it finds the silos' gateways in Redis (the same membership the silos
/// use) and talks to grains through them. When a gateway dies, Orleans sends through the others.
/// </summary>
public sealed class ServiceConnection : ISimulationHost
{
    // How long connecting may take before the cluster is declared unreachable (Orleans alone would try for minutes).
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(15);

    private readonly IHost _host;
    private readonly ShutdownLogs _logs;
    private readonly CancellationTokenRegistration _onCancel;

    private ServiceConnection(IHost host, RedisAddress redis, int gateways, ShutdownLogs logs, CancellationToken cancellation)
    {
        _host = host;
        _logs = logs;
        _onCancel = cancellation.Register(logs.Redirect);
        Grains = host.Services.GetRequiredService<IClusterClient>();
        Description = $"cluster at {redis} ({gateways} gateway{(gateways == 1 ? "" : "s")} at the start)";
    }

    public IGrainFactory Grains { get; }
    public string Description { get; }

    /// <summary>Throws ServiceUnreachableException, with one line saying why, when Redis or every silo is out of reach.</summary>
    /// <param name="logFolder">Where the client runtime's records go once the command is cancelled or disconnects.</param>
    public static async Task<ServiceConnection> ConnectAsync(RedisAddress redis, TelemetryOptions? telemetry, CancellationToken cancellation,
        string? logFolder = null)
    {
        if (await redis.ProbeAsync() is string problem) throw new ServiceUnreachableException(problem);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Lost gateways and connections surface as retried calls with their own notices; the runtime's log of them is noise here.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);   // a failed start is reported below, once
        var logs = new ShutdownLogs("zjsim", logFolder);
        logs.Attach(builder.Logging, (category, level) => level >= LogLevel.Critical
            || (level >= LogLevel.Error && !(category ?? "").StartsWith("Orleans", StringComparison.Ordinal)
                && !(category ?? "").StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)));
        // The command handles the signals and disconnects after cancelling its run.
        builder.Services.AddSingleton<IHostLifetime, ClientOwnedLifetime>();
        builder.AddZjSimTelemetry(telemetry ?? TelemetryOptions.Off, "zjsim");
        builder.UseOrleansClient(client =>
        {
            // One trace from the client's command down to the grain calls on the silos.
            client.AddActivityPropagation();
            client.Configure<ClusterOptions>(o => { o.ServiceId = ServiceNames.ServiceId; o.ClusterId = ServiceNames.ClusterId; });
            client.UseRedisClustering(o => o.ConfigurationOptions = redis.Options);
            // Re-read the gateway list often, so silos that died leave it and new ones join it quickly.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A request sent through a gateway that then died gets no answer and no error, only this time-out;
            // the client's calls are all short, so wait 10 s rather than the default 30 before retrying.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.Services.AddSingleton<IClientConnectionRetryFilter>(new RetryUntil(DateTime.UtcNow + ConnectPatience));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
            var gateways = await host.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
            return new ServiceConnection(host, redis, gateways.Count, logs, cancellation);
        }
        catch (Exception e)
        {
            host.Dispose();
            if (cancellation.IsCancellationRequested) throw;
            string what = e.Message.Contains("Could not find any gateway", StringComparison.Ordinal)
                ? $"no silo of the cluster at {redis} is up"
                : $"no silo of the cluster at {redis} answered ({TransientFailure.Describe(e)})";
            throw new ServiceUnreachableException($"{what}; start silos with scripts/cluster-up.sh or zjsim-silo --cluster {redis}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _logs.Redirect();
        await _onCancel.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _host.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        _host.Dispose();
        _logs.Close();
    }

    /// <summary>Retries a failed connection attempt (no gateway yet, a gateway refusing) until a deadline.</summary>
    private sealed class RetryUntil(DateTime deadline) : IClientConnectionRetryFilter
    {
        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            if (DateTime.UtcNow >= deadline || !TransientFailure.Is(exception)) return false;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
    }
}
