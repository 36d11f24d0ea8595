using System.Diagnostics;
using ZjSim.GrainInterfaces;
using static ZjSim.GrainInterfaces.Telemetry.ZjSimTelemetry;

namespace ZjSim.Hosting.Telemetry;

/// <summary>The span a command's trace hangs from, carrying what identifies the run.</summary>
public static class RunSpan
{
    /// <summary>A comparison names its own id and all its scenarios in place of the first run's.</summary>
    public static Activity? Start(string name, RunRequest request, double scale, string? runId = null, string? scenario = null)
    {
        // A fresh root: the command is the start of its trace, whatever the caller's context.
        Activity.Current = null;
        var span = Source.StartActivity(name, ActivityKind.Internal, parentContext: default);
        return span?.SetTag(Tags.RunId, runId ?? request.RunId)
            .SetTag(Tags.Scenario, scenario ?? request.ScenarioName)
            .SetTag(Tags.Seed, (long)request.Seed)
            .SetTag(Tags.Replications, request.Replications)
            .SetTag(Tags.Granularity, request.Granularity.ToString().ToLowerInvariant())
            .SetTag(Tags.Scale, scale);
    }
}
