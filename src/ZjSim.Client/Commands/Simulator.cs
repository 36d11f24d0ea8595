using Orleans.Concurrency;
using ZjSim.Client.Hosting;
using ZjSim.Client.Results;
using ZjSim.GrainInterfaces;

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
/// Submits runs to the grains, all at once, follows their progress, and fetches their results.
/// On cancellation (Ctrl+C) the runs start no further replications and those already finished are kept.
/// </summary>
public static class Simulator
{
    public static async Task<SimulatedRun[]> RunAsync(
        ISimulationHost host, IReadOnlyList<RunPlan> plans, Action<int, RunProgress> onProgress, CancellationToken cancellation)
    {
        var runs = plans.Select(p => host.Grains.GetGrain<IRunGrain>(p.Request.RunId)).ToArray();
        for (int i = 0; i < runs.Length; i++) await runs[i].Start(plans[i].Request.AsImmutable());

        var progress = new RunProgress[runs.Length];
        bool cancelled = false;
        while (true)
        {
            for (int i = 0; i < runs.Length; i++)
            {
                progress[i] = await runs[i].GetProgress();
                onProgress(i, progress[i]);
            }
            if (progress.All(p => p.Finished)) break;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150), cancellation);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                foreach (var run in runs) await run.Cancel();
                break;
            }
        }

        var failed = progress.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Error is not null);
        if (failed.p is not null) throw new SimulationFailedException($"{plans[failed.i].Scenario.Name}: {failed.p.Error}");

        var results = new SimulatedRun[runs.Length];
        for (int i = 0; i < runs.Length; i++)
        {
            var outcomes = (await host.Grains.GetGrain<IAggregatorGrain>(plans[i].Request.RunId).Outcomes()).Value;
            results[i] = new SimulatedRun(plans[i], outcomes, progress[i], cancelled && outcomes.Length < plans[i].Request.Replications);
        }
        return results;
    }
}

public sealed class SimulationFailedException(string message) : Exception(message);
