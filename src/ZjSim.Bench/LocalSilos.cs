using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZjSim.Grains;

namespace ZjSim.Bench;

/// <summary>
/// One to a few silos in this process on loopback, as the embedded silo of `zjsim run` is started, on free
/// ports; silos after the first join it as the primary (development membership), forming one cluster.
/// </summary>
public sealed class LocalSilos : IAsyncDisposable
{
    private readonly List<IHost> _hosts;

    private LocalSilos(List<IHost> hosts)
    {
        _hosts = hosts;
        Grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }
    public int Count => _hosts.Count;

    public static async Task<LocalSilos> StartAsync(int silos)
    {
        var hosts = new List<IHost>();
        IPEndPoint? primary = null;
        string clusterId = $"zjsim-bench-{Guid.NewGuid():N}";
        for (int i = 0; i < silos; i++)
        {
            int siloPort = LoopbackPort.Free(), gatewayPort = LoopbackPort.Free();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Error);
            var primaryEndpoint = primary;
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, primaryEndpoint, serviceId: "zjsim", clusterId: clusterId);
                silo.AddZjSim();
            });
            var host = builder.Build();
            await host.StartAsync();
            hosts.Add(host);
            primary ??= new IPEndPoint(IPAddress.Loopback, siloPort);
        }
        var cluster = new LocalSilos(hosts);
        if (silos > 1) await cluster.WaitForMembers(silos);
        return cluster;
    }

    /// <summary>Until the first silo sees every silo active, so the run can place grains on all of them.</summary>
    private async Task WaitForMembers(int silos)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await management.GetHosts(onlyActive: true)).Count < silos)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{silos} silos did not form a cluster in 60 s");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stop joiners before the primary, which holds the development membership table.
        for (int i = _hosts.Count - 1; i >= 0; i--)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _hosts[i].StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
            _hosts[i].Dispose();
        }
    }
}
