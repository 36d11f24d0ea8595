using System.Net;
using Microsoft.Extensions.Logging;
using ZjSim.Grains;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Hosting;

/// <summary>Where one silo listens, how it finds the others, and what it logs.</summary>
public sealed record SiloSettings
{
    public int SiloPort { get; init; } = 11111;

    /// <summary>0: no gateway, a silo that computes but takes no client connections (Redis membership only).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Development membership: the first silo's endpoint, which later silos join; null for the first.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>Development membership's cluster id; silos with different ids never meet.</summary>
    public string ClusterId { get; init; } = ServiceNames.ClusterId;

    /// <summary>Membership and run state in this Redis; null for development membership on loopback.</summary>
    public RedisAddress? Redis { get; init; }

    public IPAddress Listen { get; init; } = IPAddress.Loopback;

    /// <summary>The address other silos and clients are told; the listening address when null.</summary>
    public IPAddress? Advertise { get; init; }

    public TelemetryOptions Telemetry { get; init; } = TelemetryOptions.Off;

    /// <summary>The service name telemetry is reported under.</summary>
    public string ServiceName { get; init; } = "zjsim";

    public LogLevel Logs { get; init; } = LogLevel.Warning;

    /// <summary>
    /// A silo that is its own process (zjsim-silo): the host's defaults (configuration, console logs on
    /// stdout). Otherwise the silo shares a process whose stdout is a report, so its logs go to stderr only.
    /// </summary>
    public bool OwnProcess { get; init; }
}
