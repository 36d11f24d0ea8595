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

    /// <summary>
    /// For a silo inside a command: where its log records go once the command is cancelled or stops it (a file,
    /// not the terminal). Such a silo also listens to no signal; the command stops it.
    /// </summary>
    public ShutdownLogs? ShutdownLogs { get; init; }

    /// <summary>Finished runs kept in storage beyond which the oldest are forgotten (zjsim-silo --keep-runs); null keeps all.</summary>
    public int? KeepRuns { get; init; }

    /// <summary>How long an idle grain stays active before Orleans collects it; null for Orleans' default (15 minutes).</summary>
    public TimeSpan? CollectionAge { get; init; }

    /// <summary>
    /// Grain addresses this silo remembers for grains whose directory entry another silo holds (Orleans'
    /// GrainDirectoryOptions.CacheSize); 0 remembers none. Every run makes new grains (new run ids, new attempts), and
    /// Orleans keeps their addresses after they are gone: at its default of a million, a long-lived silo's heap grew
    /// about 0.4 MB a run of 200 replications (1,100 grains) for thousands of runs. A silo alone owns every directory
    /// entry and needs no cache; in a cluster 100,000 is some ten times the grains a silo's runs use at once (about
    /// 140 a lane), at most about 35 MB.
    /// </summary>
    public int DirectoryCacheSize { get; init; } = DefaultDirectoryCacheSize;

    public const int DefaultDirectoryCacheSize = 100_000;
}
