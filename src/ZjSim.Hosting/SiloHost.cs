using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ZjSim.Grains;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Hosting;

/// <summary>The one way a ZjSim silo is built: embedded in zjsim, as zjsim-silo, or as the bench's local silos.</summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings s)
    {
        var builder = s.OwnProcess
            ? Host.CreateApplicationBuilder()
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Configure(builder, s);
        return builder.Build();
    }

    /// <summary>Loggers that warn of scheduling stalls: errors only.</summary>
    private static readonly string[] StallWarnings =
        ["Orleans.Runtime.Watchdog", "Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", "Orleans.Runtime.AsyncTimer"];

    /// <summary>
    /// Makes <paramref name="builder"/> a ZjSim silo. zjsim-silo --dashboard passes an ASP.NET Core builder and adds
    /// the Orleans Dashboard through <paramref name="more"/>, so that only zjsim-silo carries ASP.NET Core.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, SiloSettings s, Action<ISiloBuilder>? more = null)
    {
        if (!s.OwnProcess)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // The command that holds this silo handles the signals and stops it after cancelling its run.
            builder.Services.AddSingleton<IHostLifetime, ClientOwnedLifetime>();
        }
        builder.Logging.SetMinimumLevel(s.Logs);
        // The watchdog, the silo's health monitor and its timers warn on any scheduling stall (a busy 2-core machine
        // running a calibration, a paused VM): noise, not news.
        foreach (var category in StallWarnings) builder.Logging.AddFilter(category, LogLevel.Error);
        s.ShutdownLogs?.Attach(builder.Logging, (category, level) => level >= s.Logs
            && (level >= LogLevel.Error || !StallWarnings.Any(c => (category ?? "").StartsWith(c, StringComparison.Ordinal))));
        if (s.KeepRuns is int keep) builder.Services.Configure<RunRetention>(o => o.KeepRuns = keep);
        if (s.CollectionAge is TimeSpan age) builder.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = age);
        builder.Services.Configure<GrainDirectoryOptions>(o =>
        {
            if (s.DirectoryCacheSize > 0) o.CacheSize = s.DirectoryCacheSize;
            else o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;   // Orleans refuses a size of 0
        });
        builder.AddZjSimTelemetry(s.Telemetry, s.ServiceName);
        builder.UseOrleans(silo =>
        {
            more?.Invoke(silo);
            if (s.Redis is null)
            {
                silo.UseLocalhostClustering(s.SiloPort, s.GatewayPort, s.Primary, serviceId: ServiceNames.ServiceId, clusterId: s.ClusterId);
                silo.AddZjSim();
                return;
            }
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = s.Advertise ?? s.Listen;
                o.SiloPort = s.SiloPort;
                o.GatewayPort = s.GatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(s.Listen, s.SiloPort);
                // Gateway port 0: a silo that computes but takes no client connections.
                o.GatewayListeningEndpoint = s.GatewayPort > 0 ? new IPEndPoint(s.Listen, s.GatewayPort) : null;
            });
            var redis = s.Redis;
            silo.Configure<ClusterOptions>(o => { o.ServiceId = ServiceNames.ServiceId; o.ClusterId = ServiceNames.ClusterId; });
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Options);
            // A forgotten run's keys are deleted, not kept as empty records.
            silo.AddZjSim(x => x.AddRedisGrainStorage(ServiceNames.Storage, o => { o.ConfigurationOptions = redis.Options; o.DeleteStateOnClear = true; }));
        });
    }
}
