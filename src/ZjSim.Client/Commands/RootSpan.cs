using System.Diagnostics;
using ZjSim.Grains.Telemetry;
using static ZjSim.Grains.Telemetry.ZjSimTelemetry;

namespace ZjSim.Client.Commands;

/// <summary>The span a command's trace hangs from, carrying what identifies the run.</summary>
public static class RootSpan
{
    public static Activity? Start(string name, RunPlan plan)
    {
        // A fresh root: the command is the start of its trace, whatever the caller's context.
        Activity.Current = null;
        var span = Source.StartActivity(name, ActivityKind.Internal, parentContext: default);
        return span?.SetTag(Tags.RunId, plan.Request.RunId)
            .SetTag(Tags.Scenario, plan.Scenario.Name)
            .SetTag(Tags.Seed, (long)plan.Request.Seed)
            .SetTag(Tags.Replications, plan.Request.Replications)
            .SetTag(Tags.Granularity, plan.Request.Granularity.ToString().ToLowerInvariant())
            .SetTag(Tags.Scale, plan.Scenario.Parameters.World.Scale);
    }
}
