using ZjSim.Hosting;
using ZjSim.Hosting.Telemetry;
using CrashLog = ZjSim.CrashLog;

namespace ZjSim.Client.Commands;

/// <summary>Where a command's grains run: the embedded silo by default, or the service named by the global --cluster.</summary>
public static class SimulationHosts
{
    /// <summary>Throws UsageException for a malformed address and ServiceUnreachableException for a dead service.</summary>
    public static async Task<ISimulationHost> StartAsync(string? cluster, TelemetryOptions? telemetry, CancellationToken cancellation)
    {
        // The runtime's records while the command stops go beside the crash logs, not to the terminal.
        if (cluster is null) return await EmbeddedSilos.StartAsync(telemetry, cancellation, CrashLog.Folder);
        return await ServiceConnection.ConnectAsync(Address(cluster), telemetry, cancellation, CrashLog.Folder);
    }

    /// <summary>The --cluster address; a malformed one is a UsageException whose message never holds the password.</summary>
    public static RedisAddress Address(string cluster)
    {
        try { return RedisAddress.Parse(cluster); }
        catch (FormatException e) { throw new UsageException($"--cluster: {e.Message}"); }
    }

    /// <summary>The --cluster address as it may be printed: without its password.</summary>
    public static string Shown(string cluster)
    {
        try { return RedisAddress.Parse(cluster).Shown; }
        catch (FormatException) { return RedisAddress.Redact(cluster); }
    }
}
