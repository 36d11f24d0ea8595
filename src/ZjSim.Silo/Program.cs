using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using ZjSim.Hosting;
using ZjSim.Hosting.Telemetry;

// zjsim-silo: a ZjSim silo as its own process.
// With --cluster redis://HOST:PORT, membership and run state live in that Redis: silos join and leave
// freely and a run survives the loss of any of them. Without it, Orleans' development membership: the
// first silo is the primary, the others join it with --primary-port, and killing the primary ends the service.
// The top guard: anything unforeseen is one line and exit code 1, its trace in a log file (CrashLog.cs), never an abort.
ZjSim.CrashLog.InstallLastResort("zjsim-silo", args);
var cluster = new Option<RedisAddress?>("--cluster")
{
    Description = "Membership and run state in this Redis (redis://[:PASSWORD@]HOST:PORT); without it, development membership on loopback",
    CustomParser = r => Parsed(r, text => RedisAddress.Parse(text)),
};
var siloPort = new Option<int>("--silo-port") { Description = "The silo-to-silo port", DefaultValueFactory = _ => 11111, CustomParser = r => Parsed(r, Port) };
var gatewayPort = new Option<int>("--gateway-port")
{
    Description = "The port clients connect to; 0 (with --cluster): no gateway, a silo that computes but takes no client connections",
    DefaultValueFactory = _ => 30000,
    CustomParser = r => Parsed(r, text => text == "0" ? 0 : Port(text)),
};
var primaryPort = new Option<int?>("--primary-port") { Description = "Development membership: the silo port of the first silo, to join it", CustomParser = r => Parsed<int?>(r, text => Port(text)) };
var listen = new Option<IPAddress>("--listen") { Description = "The address to listen on (needs --cluster)", DefaultValueFactory = _ => IPAddress.Loopback, CustomParser = r => Parsed(r, Address) };
var advertise = new Option<IPAddress?>("--advertise") { Description = "The address other machines reach this silo at (needs --cluster)", CustomParser = r => Parsed<IPAddress?>(r, Address) };
var telemetry = new Option<TelemetryExport>("--telemetry")
{
    Description = "off, console or otlp", DefaultValueFactory = _ => TelemetryExport.Off,
    CustomParser = r => Parsed(r, text => Enum.TryParse<TelemetryExport>(text, ignoreCase: true, out var chosen) ? chosen
        : throw new FormatException($"'{text}' is not off, console or otlp")),
};
var otlpEndpoint = new Option<Uri?>("--otlp-endpoint")
{
    Description = "OTLP collector address (implies --telemetry otlp)",
    CustomParser = r => Parsed<Uri?>(r, text => Uri.TryCreate(text, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https" ? endpoint
        : throw new FormatException($"not an http(s) URL: '{text}'")),
};
var otlpGrpc = new Option<bool>("--otlp-grpc") { Description = "Send OTLP over gRPC instead of HTTP/protobuf" };
var keepRuns = new Option<int?>("--keep-runs")
{
    Description = "Keep the newest N finished runs in storage and forget older ones as runs finish (default: keep all)",
    CustomParser = r => Parsed<int?>(r, text => int.TryParse(text, out int n) && n >= 1 ? n : throw new FormatException($"not a number of runs, 1 or more: '{text}'")),
};
var dashboard = new Option<int?>("--dashboard")
{
    Description = "Serve the Orleans Dashboard (silos, grain types, calls) on http://127.0.0.1:PORT/ (loopback only; off by default)",
    CustomParser = r => Parsed<int?>(r, text => Port(text)),
};
var metricsOut = new Option<string?>("--metrics-out")
{
    Description = "Write this silo's cumulative Orleans messaging totals (messages and bytes sent, storage writes, CPU) as JSON to FILE, every second and when it stops",
    HelpName = "FILE",
    CustomParser = r => Parsed<string?>(r, text => Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(text))) ? text
        : throw new FormatException($"no such folder for '{text}'")),
};
var root = new RootCommand("zjsim-silo: a ZjSim silo as its own process")
{
    cluster, siloPort, gatewayPort, listen, advertise, primaryPort, telemetry, otlpEndpoint, otlpGrpc, keepRuns, dashboard, metricsOut,
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var e in parsed.Errors) Console.Error.WriteLine($"zjsim-silo: {e.Message}");
    return 2;
}
if (args.Any(a => a is "-h" or "--help" or "-?" or "--version")) return await parsed.InvokeAsync();
if (Conflict(parsed) is string conflict)
{
    Console.Error.WriteLine($"zjsim-silo: {conflict}");
    return 2;
}

var settings = new SiloSettings
{
    OwnProcess = true,
    Redis = parsed.GetValue(cluster),
    SiloPort = parsed.GetValue(siloPort),
    GatewayPort = parsed.GetValue(gatewayPort),
    Primary = parsed.GetValue(primaryPort) is int p ? new IPEndPoint(IPAddress.Loopback, p) : null,
    Listen = parsed.GetValue(listen)!,
    Advertise = parsed.GetValue(advertise) ?? parsed.GetValue(listen),
    Telemetry = new TelemetryOptions(parsed.GetValue(otlpEndpoint) is null ? parsed.GetValue(telemetry) : TelemetryExport.Otlp,
        parsed.GetValue(otlpEndpoint), parsed.GetValue(otlpGrpc)),
    ServiceName = "zjsim-silo",
    KeepRuns = parsed.GetValue(keepRuns),
};

// Say in one line what stands in the way, rather than let Orleans fail with pages of log.
string? problem = settings.Redis is null ? null : await settings.Redis.ProbeAsync();
problem ??= PortTaken("--silo-port", settings.Listen, settings.SiloPort)
    ?? (settings.GatewayPort > 0 ? PortTaken("--gateway-port", settings.Listen, settings.GatewayPort) : null)
    ?? (parsed.GetValue(dashboard) is int web ? PortTaken("--dashboard", IPAddress.Loopback, web) : null);
if (problem is not null)
{
    Console.Error.WriteLine($"zjsim-silo: {problem}");
    return 2;
}

// Listening before the host starts, so that no message of the silo's life is missed.
using var totals = parsed.GetValue(metricsOut) is string metricsFile ? new ZjSim.Silo.MessagingTotals(metricsFile) : null;
using var host = parsed.GetValue(dashboard) is int dashboardPort ? WithDashboard(settings, dashboardPort) : SiloHost.Build(settings);
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
string membership = settings.Redis is null ? "development membership" : $"cluster {settings.Redis}";
string gateway = settings.GatewayPort > 0 ? $"gateway {settings.GatewayPort}" : "no gateway";
string board = parsed.GetValue(dashboard) is int at ? $", dashboard http://127.0.0.1:{at}/" : "";
Console.WriteLine($"zjsim-silo: ready on {settings.Advertise}:{settings.SiloPort}, {gateway}, {membership}{board} (pid {Environment.ProcessId})");
// SIGTERM and SIGINT stop the host through its console lifetime; SIGHUP (the terminal closed) does the same here.
// A clean stop leaves the cluster (its membership row says so) and exits 0.
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
using var sighup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, context =>
{
    context.Cancel = true;
    lifetime.StopApplication();
});
await host.WaitForShutdownAsync();
totals?.Write(final: true);
Console.WriteLine("zjsim-silo: stopped");
return 0;

// A silo that also serves the Orleans Dashboard: an ASP.NET Core application whose Kestrel listens on 127.0.0.1 only,
// whatever ASPNETCORE_URLS or --listen say, since the dashboard has no login.
static IHost WithDashboard(SiloSettings settings, int port)
{
    var builder = WebApplication.CreateBuilder();
    builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
    SiloHost.Configure(builder, settings, silo => silo.AddDashboard());
    var app = builder.Build();
    app.MapOrleansDashboard();
    return app;
}

// Options that are each valid but do not go together.
string? Conflict(ParseResult r)
{
    var redis = r.GetValue(cluster);
    var address = r.GetValue(listen)!;
    if (redis is not null && r.GetValue(primaryPort) is not null)
        return "--primary-port is for development membership; with --cluster every silo finds the others in Redis";
    if (redis is null && (!address.Equals(IPAddress.Loopback) || r.GetValue(advertise) is not null))
        return "--listen and --advertise need --cluster: development membership stays on loopback";
    if (redis is null && r.GetValue(gatewayPort) == 0)
        return "--gateway-port 0 needs --cluster: with development membership every silo is a gateway";
    // Other silos and clients must be told an address they can reach: 0.0.0.0 is not one.
    if (r.GetValue(advertise) is null && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
        return "--listen on all interfaces needs --advertise ADDR, the address other machines reach this silo at";
    return null;
}

// An option's value read by a parser that throws FormatException: the message becomes a parse error naming the option.
static T Parsed<T>(ArgumentResult r, Func<string, T> parse)
{
    string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
    try { return parse(text); }
    catch (FormatException e)
    {
        r.AddError($"{((OptionResult)r.Parent!).Option.Name}: {e.Message}");
        return default!;
    }
}

static int Port(string text) =>
    int.TryParse(text, out int port) && port is > 0 and < 65536 ? port : throw new FormatException($"not a port number: '{text}'");

static IPAddress Address(string text) =>
    IPAddress.TryParse(text, out var address) ? address : throw new FormatException($"not an IP address: '{text}'");

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
