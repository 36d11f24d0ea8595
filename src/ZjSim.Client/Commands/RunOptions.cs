using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting.Telemetry;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>What `zjsim run` was asked for, before validation.</summary>
public sealed record RunOptions(
    string Scenario,
    int Replications,
    ulong Seed,
    string? OutputDirectory,
    Granularity Granularity,
    double? Scale,
    string? ConfigDirectory,
    int? Concurrency,
    TelemetryOptions? Telemetry = null,
    Breakdown By = Breakdown.None,
    ParameterSource Parameters = ParameterSource.Posterior);
