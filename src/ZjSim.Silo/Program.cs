using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ZjSim.Grains;
using ZjSim.Grains.Telemetry;

// zjsim-silo: a ZjSim silo as its own process.
// With --cluster redis://HOST:PORT, membership and run state live in that Redis: silos join and leave
// freely and a run survives the loss of any of them. Without it, Orleans' development membership: the
// first silo is the primary, the others join it with --primary-port, and killing the primary ends the cluster.
// The top guard: anything unforeseen is one line and exit code 1, its trace in a log file (CrashLog.cs), never an abort.
ZjSim.CrashLog.InstallLastResort("zjsim-silo", args);
const string Usage = "usage: zjsim-silo [--cluster redis://HOST:PORT] [--silo-port P] [--gateway-port G|0]\n" +
                     "                  [--listen ADDR] [--advertise ADDR] [--primary-port P0]\n" +
                     "                  [--telemetry off|console|otlp] [--otlp-endpoint URL] [--otlp-grpc]\n" +
                     "--gateway-port 0: no gateway (with --cluster), a silo that computes but takes no client connections";
int siloPort = 11111, gatewayPort = 30000;
int? primaryPort = null;
RedisAddress? redis = null;
IPAddress listen = IPAddress.Loopback;
IPAddress? advertise = null;
var telemetry = TelemetryOptions.Off;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string option = args[i];
        string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{option} needs a value");
        switch (option)
        {
            case "--cluster":
                string value = Next();
                try { redis = RedisAddress.Parse(value); }
                catch (FormatException e) { throw new FormatException($"--cluster: {e.Message}"); }
                break;
            case "--silo-port": siloPort = ParsePort(option, Next()); break;
            case "--gateway-port":
                string port = Next();
                gatewayPort = port == "0" ? 0 : ParsePort(option, port);
                break;
            case "--primary-port": primaryPort = ParsePort(option, Next()); break;
            case "--listen": listen = ParseAddress(option, Next()); break;
            case "--advertise": advertise = ParseAddress(option, Next()); break;
            case "--telemetry":
                string export = Next();
                telemetry = telemetry with
                {
                    Export = Enum.TryParse<TelemetryExport>(export, ignoreCase: true, out var chosen) ? chosen
                        : throw new FormatException($"--telemetry: '{export}' is not off, console or otlp"),
                };
                break;
            case "--otlp-endpoint":
                string url = Next();
                telemetry = telemetry with
                {
                    Export = TelemetryExport.Otlp,
                    OtlpEndpoint = Uri.TryCreate(url, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https" ? endpoint
                        : throw new FormatException($"--otlp-endpoint: not an http(s) URL: '{url}'"),
                };
                break;
            case "--otlp-grpc": telemetry = telemetry with { OtlpGrpc = true }; break;
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new FormatException($"unknown option '{option}' (try --help)");
        }
    }
    if (redis is not null && primaryPort is not null)
        throw new FormatException("--primary-port is for development membership; with --cluster every silo finds the others in Redis");
    if (redis is null && (!listen.Equals(IPAddress.Loopback) || advertise is not null))
        throw new FormatException("--listen and --advertise need --cluster: development membership stays on loopback");
    if (redis is null && gatewayPort == 0)
        throw new FormatException("--gateway-port 0 needs --cluster: with development membership every silo is a gateway");
    // Other silos and clients must be told an address they can reach: 0.0.0.0 is not one.
    advertise ??= listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any)
        ? throw new FormatException("--listen on all interfaces needs --advertise ADDR, the address other machines reach this silo at")
        : listen;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"zjsim-silo: {e.Message}");
    return 2;
}

// Say in one line what stands in the way, rather than let Orleans fail with pages of log.
string? problem = redis is null ? null : await redis.ProbeAsync();
problem ??= PortTaken("--silo-port", listen, siloPort) ?? (gatewayPort > 0 ? PortTaken("--gateway-port", listen, gatewayPort) : null);
if (problem is not null)
{
    Console.Error.WriteLine($"zjsim-silo: {problem}");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// The watchdog warns on any scheduling stall (a busy 2-core machine, a paused VM): noise, not news.
builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
builder.AddZjSimTelemetry(telemetry, "zjsim-silo");
builder.UseOrleans(silo =>
{
    if (redis is null)
    {
        var primary = primaryPort is int p ? new IPEndPoint(IPAddress.Loopback, p) : null;
        silo.UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId: "zjsim", clusterId: "zjsim");
        silo.AddZjSim();
        return;
    }
    silo.Configure<EndpointOptions>(o =>
    {
        o.AdvertisedIPAddress = advertise;
        o.SiloPort = siloPort;
        o.GatewayPort = gatewayPort;
        o.SiloListeningEndpoint = new IPEndPoint(listen, siloPort);
        // Gateway port 0: a silo that computes but takes no client connections.
        o.GatewayListeningEndpoint = gatewayPort > 0 ? new IPEndPoint(listen, gatewayPort) : null;
    });
    silo.AddZjSimOnRedis(redis);
});
using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (Exception e)
{
    // Redis out of reach, a port taken: one line, not a stack trace.
    Console.Error.WriteLine($"zjsim-silo: could not start: {e.GetBaseException().Message}");
    return 2;
}
string membership = redis is null ? "development membership" : $"cluster {redis}";
string gateway = gatewayPort > 0 ? $"gateway {gatewayPort}" : "no gateway";
Console.WriteLine($"zjsim-silo: ready on {advertise}:{siloPort}, {gateway}, {membership} (pid {Environment.ProcessId})");
await host.WaitForShutdownAsync();
return 0;

static int ParsePort(string name, string value) =>
    int.TryParse(value, out int port) && port is > 0 and < 65536 ? port : throw new FormatException($"{name}: not a port number: '{value}'");

static string? PortTaken(string name, IPAddress address, int port)
{
    try
    {
        var probe = new System.Net.Sockets.TcpListener(address, port);
        probe.Start();
        probe.Stop();
        return null;
    }
    catch (System.Net.Sockets.SocketException e)
    {
        return $"{name} {port}: cannot listen on {address}:{port} ({e.Message})";
    }
}

static IPAddress ParseAddress(string name, string value) =>
    IPAddress.TryParse(value, out var address) ? address : throw new FormatException($"{name}: not an IP address: '{value}'");
