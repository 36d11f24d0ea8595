using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using ZjSim.Grains;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Hosting;

/// <summary>The one way a ZjSim silo is built: embedded in zjsim, as zjsim-silo, or as the bench's local silos.</summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings s)
    {
        // A silo with a dashboard is an ASP.NET Core application (Kestrel serves the dashboard); any other is a plain host.
        IHostApplicationBuilder builder = s.DashboardPort is not null ? WebApplication.CreateBuilder()
            : s.OwnProcess ? Host.CreateApplicationBuilder()
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (!s.OwnProcess)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // The command that holds this silo handles the signals and stops it after cancelling its run.
            builder.Services.AddSingleton<IHostLifetime, ClientOwnedLifetime>();
        }
        builder.Logging.SetMinimumLevel(s.Logs);
        // The watchdog warns on any scheduling stall (a busy 2-core machine, a paused VM): noise, not news.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        s.ShutdownLogs?.Attach(builder.Logging, (category, level) => level >= s.Logs
            && (level >= LogLevel.Error || !(category ?? "").StartsWith("Orleans.Runtime.Watchdog", StringComparison.Ordinal)));
        if (s.KeepRuns is int keep) builder.Services.Configure<RunRetention>(o => o.KeepRuns = keep);
        if (s.CollectionAge is TimeSpan age) builder.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = age);
        builder.AddZjSimTelemetry(s.Telemetry, s.ServiceName);
        if (builder is WebApplicationBuilder web && s.DashboardPort is int port)
            // Loopback only, whatever ASPNETCORE_URLS says: the dashboard has no login.
            web.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.UseOrleans(silo =>
        {
            if (s.DashboardPort is not null) silo.AddDashboard();
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
        if (builder is WebApplicationBuilder dashboard)
        {
            var app = dashboard.Build();
            app.MapOrleansDashboard();
            return app;
        }
        return ((HostApplicationBuilder)builder).Build();
    }
}
