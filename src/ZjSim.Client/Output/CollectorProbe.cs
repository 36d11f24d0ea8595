using System.Net.Sockets;

namespace ZjSim.Client.Output;

/// <summary>
/// The OTLP exporter drops spans silently when nothing listens; one connection attempt before the run turns that
/// into a warning on stderr (the run still goes ahead: telemetry never decides whether results are written).
/// </summary>
public static class CollectorProbe
{
    public static void WarnIfUnreachable(Uri endpoint, TextWriter error)
    {
        try
        {
            using var client = new TcpClient();
            // A bounded attempt: a firewalled address would otherwise hang the start of the run.
            if (client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromSeconds(3)) && client.Connected) return;
        }
        catch (Exception e) when (e is SocketException or AggregateException) { }
        error.WriteLine($"zjsim: warning: no OTLP collector answers at {endpoint.Host}:{endpoint.Port}; the run goes on, but its traces, metrics and logs will be lost");
    }
}
