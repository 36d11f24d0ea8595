using ZjSim.Hosting;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Client.Commands;

/// <summary>Where a command's grains run: the embedded silo by default, or the service named by the global --cluster.</summary>
public static class SimulationHosts
{
    /// <summary>Throws UsageException for a malformed address and ServiceUnreachableException for a dead service.</summary>
    public static async Task<ISimulationHost> StartAsync(string? cluster, TelemetryOptions? telemetry, CancellationToken cancellation)
    {
        if (cluster is null) return await EmbeddedSilos.StartAsync(telemetry, cancellation);
        RedisAddress redis;
        try { redis = RedisAddress.Parse(cluster); }
        catch (FormatException e) { throw new UsageException($"--cluster: {e.Message}"); }
        return await ServiceConnection.ConnectAsync(redis, telemetry, cancellation);
    }
}
