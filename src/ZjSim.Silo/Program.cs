using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZjSim.Grains;

// zjsim-silo: a ZjSim silo as its own process, on loopback.
// Until Redis membership lands (issue 5) it uses Orleans' development membership: the first silo is the
// primary; others join it with --primary-port. Killing the primary ends such a cluster.
int siloPort = 11111, gatewayPort = 30000;
int? primaryPort = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--silo-port": siloPort = ParsePort("--silo-port", Next()); break;
        case "--gateway-port": gatewayPort = ParsePort("--gateway-port", Next()); break;
        case "--primary-port": primaryPort = ParsePort("--primary-port", Next()); break;
        case "-h" or "--help":
            Console.WriteLine("usage: zjsim-silo [--silo-port P] [--gateway-port G] [--primary-port P0]");
            return 0;
        default:
            Console.Error.WriteLine($"zjsim-silo: unknown option '{args[i]}' (try --help)");
            return 2;
    }
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo =>
{
    var primary = primaryPort is int p ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, p) : null;
    silo.UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId: "zjsim", clusterId: "zjsim");
    silo.AddZjSim();
});
using var host = builder.Build();
Console.WriteLine($"zjsim-silo: listening on 127.0.0.1:{siloPort}, gateway {gatewayPort} (pid {Environment.ProcessId})");
await host.RunAsync();
return 0;

static int ParsePort(string name, string value) =>
    int.TryParse(value, out int port) && port is > 0 and < 65536 ? port : throw new ArgumentException($"{name}: not a port number: '{value}'");
