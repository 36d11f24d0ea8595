using System.Net;
using System.Net.Sockets;

namespace ZjSim.Hosting;

/// <summary>A free port on loopback, so in-process silos, test servers and receivers never collide.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
