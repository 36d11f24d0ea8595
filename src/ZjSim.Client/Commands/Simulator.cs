using ZjSim.Client.Results;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;

namespace ZjSim.Client.Commands;

/// <summary>A run as simulated: its plan, the replications that finished, and whether it was cut short.</summary>
public sealed record SimulatedRun(RunPlan Plan, ReplicationOutcome[] Outcomes, RunProgress Final, bool Partial)
{
    public RunRecord ToRecord(string? folder = null)
    {
        var p = Plan.Scenario.Parameters;
        return new RunRecord(Plan.Request.RunId, Plan.Scenario.Name, Plan.Scenario.Description, Plan.Scenario.Hash,
            Plan.Request.Seed, Plan.Request.Replications, Partial, Plan.Request.Granularity.ToString().ToLowerInvariant(),
            p.World.Scale, p.Years.BaseYear, p.Years.EndYear, Output.ResultFiles.Version, Plan.Goals.Goals, Outcomes, folder);
    }
}

/// <summary>
/// Submits runs to the grains, all at once, follows their progress, and fetches their results (through
/// the one <see cref="RunFollower"/>). On cancellation (Ctrl+C) the runs start no further replications and
/// those already finished are kept.
/// </summary>
public static class Simulator
{
    public static async Task<SimulatedRun[]> RunAsync(ISimulationHost host, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, CancellationToken cancellation, Action<string>? onRetry = null)
    {
        var follower = new RunFollower(host.Grains, onRetry);
        await follower.StartAsync(plans.Select(p => p.Request));
        return await Follow(follower, plans, onProgress, cancellation);
    }

    /// <summary>Follows runs that were started before (by this client or another), to their results.</summary>
    public static Task<SimulatedRun[]> FollowAsync(ISimulationHost host, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, CancellationToken cancellation, Action<string>? onRetry = null) =>
        Follow(new RunFollower(host.Grains, onRetry), plans, onProgress, cancellation);

    private static async Task<SimulatedRun[]> Follow(RunFollower follower, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, CancellationToken cancellation)
    {
        var (progress, cancelled) = await follower.FollowAsync(plans.Select(p => p.Request).ToArray(), onProgress, cancellation);

        var failed = progress.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Error is not null);
        if (failed.p is not null) throw new SimulationFailedException($"{plans[failed.i].Scenario.Name}: {failed.p.Error}");

        var results = new SimulatedRun[plans.Count];
        for (int i = 0; i < plans.Count; i++)
        {
            var outcomes = await follower.FetchAsync(plans[i].Request);
            int wanted = plans[i].Request.Replications;
            if (!cancelled && outcomes.Length != wanted)
                throw new SimulationFailedException($"the cluster holds {outcomes.Length} of {wanted} replication outcomes");
            results[i] = new SimulatedRun(plans[i], outcomes, progress[i], cancelled && outcomes.Length < wanted);
        }
        return results;
    }
}
