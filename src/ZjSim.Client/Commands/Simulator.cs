using Orleans.Concurrency;
using System.Diagnostics;
using ZjSim.Client.Hosting;
using ZjSim.GrainInterfaces;

namespace ZjSim.Client.Commands;

/// <summary>Submits a run to the grains, follows its progress, and fetches the results.</summary>
public static class Simulator
{
    public static async Task<(ReplicationOutcome[] Outcomes, GoalTally[] Goals, RunProgress Final)> RunAsync(
        ISimulationHost host, RunRequest request, Action<RunProgress> onProgress, CancellationToken cancellation)
    {
        var run = host.Grains.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());
        RunProgress progress;
        while (true)
        {
            progress = await run.GetProgress();
            onProgress(progress);
            if (progress.Finished) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), cancellation);
        }
        if (progress.Error is not null) throw new SimulationFailedException(progress.Error);
        var aggregator = host.Grains.GetGrain<IAggregatorGrain>(request.RunId);
        var outcomes = (await aggregator.Outcomes()).Value;
        var goals = await aggregator.GoalTallies();
        Debug.Assert(outcomes.Length == request.Replications);
        return (outcomes, goals, progress);
    }
}

public sealed class SimulationFailedException(string message) : Exception(message);
