using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ZjSim.GrainInterfaces.Telemetry;

namespace ZjSim.Hosting.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// Orleans' own sources (10.x names: Microsoft.Orleans.Application for grain calls, .Runtime for runtime
    /// calls) and meter. Microsoft.Orleans.Lifecycle is left out on purpose: it adds five spans to every grain
    /// activation, thousands per run.
    /// </summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Wires traces, metrics and logs through the generic host. Logs always carry the trace and span ids
    /// (ActivityTrackingOptions); with telemetry on they are also exported with the traces.
    /// </summary>
    public static IHostApplicationBuilder AddZjSimTelemetry(this IHostApplicationBuilder builder, TelemetryOptions options, string serviceName)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!options.Enabled) return builder;

        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(3));
        builder.Services.AddOpenTelemetry()
            .WithTracing(t =>
            {
                t.SetResourceBuilder(resource)
                    .SetSampler(new TelemetrySampler())
                    .AddSource([ZjSimTelemetry.Name, .. OrleansSources]);
                switch (options.Export)
                {
                    case TelemetryExport.Console: t.AddConsoleExporter(); break;
                    case TelemetryExport.Otlp: t.AddOtlpExporter(o => Otlp(o, options, "v1/traces")); break;
                }
                options.ConfigureTracing?.Invoke(t);
            })
            .WithMetrics(m =>
            {
                m.SetResourceBuilder(resource).AddMeter(ZjSimTelemetry.Name, OrleansMeter);
                switch (options.Export)
                {
                    case TelemetryExport.Console: m.AddConsoleExporter(); break;
                    case TelemetryExport.Otlp: m.AddOtlpExporter(o => Otlp(o, options, "v1/metrics")); break;
                }
                options.ConfigureMetrics?.Invoke(m);
            });

        if (options.Export != TelemetryExport.Off)
        {
            builder.Logging.AddOpenTelemetry(l =>
            {
                l.SetResourceBuilder(resource);
                l.IncludeFormattedMessage = true;
                if (options.Export == TelemetryExport.Console) l.AddConsoleExporter();
                else l.AddOtlpExporter(o => Otlp(o, options, "v1/logs"));
            });
            builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(null, LogLevel.Information);
        }
        return builder;
    }

    /// <summary>OTLP/HTTP needs the signal's path on the endpoint; gRPC takes the base address.</summary>
    private static void Otlp(OtlpExporterOptions o, TelemetryOptions options, string signalPath)
    {
        var endpoint = options.ResolvedOtlpEndpoint;
        if (options.OtlpGrpc)
        {
            o.Protocol = OtlpExportProtocol.Grpc;
            o.Endpoint = endpoint;
        }
        else
        {
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.Endpoint = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath);
        }
    }
}
