using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ZjSim.GrainInterfaces.Telemetry;

/// <summary>
/// ZjSim's own ActivitySource and Meter, shared by the grains and the client, so one trace runs from the command
/// to the grain calls. With no listener (telemetry off) StartActivity returns null and instruments record nothing,
/// so instrumented code costs next to nothing by default.
/// </summary>
public static class ZjSimTelemetry
{
    public const string Name = "ZjSim";
    private static readonly string Version = typeof(ZjSimTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);
    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> EnterpriseYears = Meter.CreateCounter<long>(
        "zjsim.enterprise_years", "{enterprise-year}", "Enterprise-years simulated");
    public static readonly Counter<long> ReplicationsCompleted = Meter.CreateCounter<long>(
        "zjsim.replications.completed", "{replication}", "Replications completed");
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "zjsim.step.duration", "s", "Duration of one cluster-year step (all its enterprises)");
    public static readonly Gauge<double> Indicator = Meter.CreateGauge<double>(
        "zjsim.indicator", null, "A yearly indicator's mean over the replications completed so far");

    /// <summary>Attribute names, after the OpenTelemetry convention of a project namespace.</summary>
    public static class Tags
    {
        public const string RunId = "zjsim.run_id", Scenario = "zjsim.scenario", Seed = "zjsim.seed",
            Replications = "zjsim.replications", Replication = "zjsim.replication", Granularity = "zjsim.granularity",
            Scale = "zjsim.scale", Year = "zjsim.year", Cluster = "zjsim.cluster", Indicator = "zjsim.indicator",
            Goal = "zjsim.goal", Target = "zjsim.goal.target", Value = "zjsim.goal.value", Met = "zjsim.goal.met",
            GoalsMet = "zjsim.goals_met", EnterpriseYears = "zjsim.enterprise_years";
    }
}
