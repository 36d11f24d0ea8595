namespace ZjSim.Client.Results;

/// <summary>How a run came about, for its manifest: the resolved inputs, timings and where it ran.</summary>
public sealed record RunProvenance(
    string ParametersJson,
    string ScenarioSource,
    string GoalsSource,
    DateTime StartedUtc,
    DateTime FinishedUtc,
    double StartupSeconds,
    double SimulationSeconds,
    long EnterpriseYears,
    string Host,
    string? TraceId = null);
