namespace ZjSim.Client.Tests.Telemetry;

/// <summary>
/// Activity listeners are process-wide: while a telemetry test runs, no other run may start spans,
/// or they would land in its exporter. This collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
