using ZjSim.Grains.Telemetry;

namespace ZjSim.Client.Hosting;

/// <summary>Where a command's grains run: the embedded silo by default, or the cluster named by the global --cluster.</summary>
public static class SimulationHosts
{
    /// <summary>Throws UsageException for a malformed address and ClusterUnreachableException for a dead cluster.</summary>
    public static async Task<ISimulationHost> StartAsync(string? cluster, TelemetryOptions? telemetry, CancellationToken cancellation) =>
        cluster is null
            ? await EmbeddedSilo.StartAsync(telemetry, cancellation)
            : await ClusterConnection.ConnectAsync(cluster, telemetry, cancellation);
}
