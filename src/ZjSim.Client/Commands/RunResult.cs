using ZjSim.GrainInterfaces;

namespace ZjSim.Client.Commands;

/// <summary>A finished run as the client fetched it from the aggregator.</summary>
public sealed record RunResult(
    RunPlan Plan,
    ReplicationOutcome[] Outcomes,
    GoalTally[] Goals,
    long EnterpriseYears,
    DateTime StartedUtc,
    DateTime FinishedUtc,
    double StartupSeconds,
    double SimulationSeconds,
    string HostDescription);
