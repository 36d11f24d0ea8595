using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ZjSim.Hosting.Telemetry;

public enum TelemetryExport { Off, Console, Otlp }

/// <summary>
/// Where telemetry goes. Off by default; Console prints spans and metrics; Otlp sends them to a collector
/// (Jaeger, the OpenTelemetry Collector...) at <see cref="OtlpEndpoint"/> over OTLP/HTTP (protobuf) or gRPC.
/// The Configure hooks let tests attach in-memory exporters.
/// </summary>
public sealed record TelemetryOptions(
    TelemetryExport Export = TelemetryExport.Off,
    Uri? OtlpEndpoint = null,
    bool OtlpGrpc = false,
    Action<TracerProviderBuilder>? ConfigureTracing = null,
    Action<MeterProviderBuilder>? ConfigureMetrics = null)
{
    public static TelemetryOptions Off { get; } = new();

    public bool Enabled => Export != TelemetryExport.Off || ConfigureTracing is not null || ConfigureMetrics is not null;

    /// <summary>The OTLP endpoint: the option, else OTEL_EXPORTER_OTLP_ENDPOINT, else the local collector's default port.</summary>
    public Uri ResolvedOtlpEndpoint =>
        OtlpEndpoint
        ?? (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } env ? new Uri(env)
            : new Uri(OtlpGrpc ? "http://localhost:4317" : "http://localhost:4318"));
}
