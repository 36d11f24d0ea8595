using Orleans.Concurrency;
using ZjSim.Client.Hosting;
using ZjSim.GrainInterfaces;
using ZjSim.Grains;

namespace ZjSim.Client.Commands;

/// <summary>
/// Submits a run to the grains, follows its progress, and fetches the results. On a cluster, a call that
/// fails because a silo or the gateway died is made again (through another gateway, to the run grain
/// wherever it is now), and every step that had to be redone is passed to onRetry.
/// </summary>
public static class Simulator
{
    /// <summary>How long the client keeps trying when no call gets through, before it gives up on the cluster.</summary>
    private static readonly TimeSpan PatienceWithoutContact = TimeSpan.FromMinutes(2);

    public static async Task<(ReplicationOutcome[] Outcomes, GoalTally[] Goals, RunProgress Final)> RunAsync(
        ISimulationHost host, RunRequest request, Action<RunProgress> onProgress, CancellationToken cancellation,
        Action<string>? onRetry = null)
    {
        var calls = new Calls(onRetry ?? (_ => { }), cancellation);
        var run = host.Grains.GetGrain<IRunGrain>(request.RunId);
        await calls.Make("starting the run", async () => { await run.Start(request.AsImmutable()); return true; });
        return await Follow(host, request, onProgress, calls, cancellation);
    }

    /// <summary>Follows a run that was started before (by this client or another), to its results.</summary>
    public static Task<(ReplicationOutcome[] Outcomes, GoalTally[] Goals, RunProgress Final)> FollowAsync(
        ISimulationHost host, RunRequest request, Action<RunProgress> onProgress, CancellationToken cancellation,
        Action<string>? onRetry = null) =>
        Follow(host, request, onProgress, new Calls(onRetry ?? (_ => { }), cancellation), cancellation);

    private static async Task<(ReplicationOutcome[], GoalTally[], RunProgress)> Follow(
        ISimulationHost host, RunRequest request, Action<RunProgress> onProgress, Calls calls, CancellationToken cancellation)
    {
        var run = host.Grains.GetGrain<IRunGrain>(request.RunId);
        int retriesSeen = 0;
        RunProgress progress;
        while (true)
        {
            progress = await calls.Make("polling progress", async () =>
            {
                // After lost contact, Start again: idempotent, and it resumes a run whose start was lost with its silo.
                if (calls.Recovering) await run.Start(request.AsImmutable());
                return await run.GetProgress();
            });
            var retries = progress.Retries ?? [];
            for (; retriesSeen < retries.Length; retriesSeen++) calls.Report(retries[retriesSeen]);
            onProgress(progress);
            if (progress.Finished) break;
            await Task.Delay(TimeSpan.FromMilliseconds(150), cancellation);
        }
        if (progress.Error is not null) throw new SimulationFailedException(progress.Error);
        var aggregator = host.Grains.GetGrain<IAggregatorGrain>(request.RunId);
        var outcomes = (await calls.Make("fetching the results", aggregator.Outcomes)).Value;
        var goals = await calls.Make("fetching the goal tallies", aggregator.GoalTallies);
        if (outcomes.Length != request.Replications)
            throw new SimulationFailedException($"the cluster holds {outcomes.Length} of {request.Replications} replication outcomes");
        return (outcomes, goals, progress);
    }

    /// <summary>The client's side of fault tolerance: calls retried while the cluster heals, within a bound.</summary>
    private sealed class Calls(Action<string> onRetry, CancellationToken cancellation)
    {
        private DateTime? _lostSince;

        public bool Recovering => _lostSince is not null;

        public void Report(string message) => onRetry(message);

        public async Task<T> Make<T>(string step, Func<Task<T>> call)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    var result = await call();
                    _lostSince = null;
                    return result;
                }
                catch (Exception e) when (TransientFailure.Is(e))
                {
                    var now = DateTime.UtcNow;
                    if (_lostSince is null)
                    {
                        _lostSince = now;
                        onRetry($"client: {step} failed ({TransientFailure.Describe(e)}); retrying through the cluster's other gateways");
                    }
                    else if (now - _lostSince > PatienceWithoutContact)
                        throw new SimulationFailedException($"lost contact with the cluster for {PatienceWithoutContact.TotalSeconds:0} s while {step} ({TransientFailure.Describe(e)})");
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                }
            }
        }
    }
}

public sealed class SimulationFailedException(string message) : Exception(message);
