using Orleans.Concurrency;
using ZjSim.Client.Hosting;
using ZjSim.Client.Results;
using ZjSim.GrainInterfaces;
using ZjSim.Grains;

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
/// On a cluster, a call that fails because a silo or the gateway died is made again (through another
/// gateway, to the run grain wherever it is now), and every step that had to be redone goes to onRetry.
/// </summary>
public static class Simulator
{
    /// <summary>How long the client keeps trying when no call gets through, before it gives up on the cluster.</summary>
    private static readonly TimeSpan PatienceWithoutContact = TimeSpan.FromMinutes(2);

    public static async Task<SimulatedRun[]> RunAsync(ISimulationHost host, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, CancellationToken cancellation, Action<string>? onRetry = null)
    {
        var calls = new Calls(onRetry ?? (_ => { }));
        foreach (var plan in plans)
        {
            var run = host.Grains.GetGrain<IRunGrain>(plan.Request.RunId);
            await calls.Make("starting the run", async () => { await run.Start(plan.Request.AsImmutable()); return true; });
        }
        return await Follow(host, plans, onProgress, calls, cancellation);
    }

    /// <summary>Follows runs that were started before (by this client or another), to their results.</summary>
    public static Task<SimulatedRun[]> FollowAsync(ISimulationHost host, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, CancellationToken cancellation, Action<string>? onRetry = null) =>
        Follow(host, plans, onProgress, new Calls(onRetry ?? (_ => { })), cancellation);

    private static async Task<SimulatedRun[]> Follow(ISimulationHost host, IReadOnlyList<RunPlan> plans,
        Action<int, RunProgress> onProgress, Calls calls, CancellationToken cancellation)
    {
        var runs = plans.Select(p => host.Grains.GetGrain<IRunGrain>(p.Request.RunId)).ToArray();
        var progress = new RunProgress[runs.Length];
        var retriesSeen = new int[runs.Length];
        bool cancelled = false;
        while (true)
        {
            for (int i = 0; i < runs.Length; i++)
            {
                var (run, request) = (runs[i], plans[i].Request);
                progress[i] = await calls.Make("polling progress", async () =>
                {
                    // After lost contact, Start again: idempotent, and it resumes a run whose start was lost with its silo.
                    if (calls.Recovering) await run.Start(request.AsImmutable());
                    return await run.GetProgress();
                });
                var retries = progress[i].Retries ?? [];
                for (; retriesSeen[i] < retries.Length; retriesSeen[i]++) calls.Report(retries[retriesSeen[i]]);
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
                foreach (var run in runs) await calls.Make("cancelling the run", async () => { await run.Cancel(); return true; });
                break;
            }
        }

        var failed = progress.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Error is not null);
        if (failed.p is not null) throw new SimulationFailedException($"{plans[failed.i].Scenario.Name}: {failed.p.Error}");

        var results = new SimulatedRun[runs.Length];
        for (int i = 0; i < runs.Length; i++)
        {
            var aggregator = host.Grains.GetGrain<IAggregatorGrain>(plans[i].Request.RunId);
            var outcomes = (await calls.Make("fetching the results", aggregator.Outcomes)).Value;
            int wanted = plans[i].Request.Replications;
            if (!cancelled && outcomes.Length != wanted)
                throw new SimulationFailedException($"the cluster holds {outcomes.Length} of {wanted} replication outcomes");
            results[i] = new SimulatedRun(plans[i], outcomes, progress[i], cancelled && outcomes.Length < wanted);
        }
        return results;
    }

    /// <summary>The client's side of fault tolerance: calls retried while the cluster heals, within a bound.</summary>
    private sealed class Calls(Action<string> onRetry)
    {
        private DateTime? _lostSince;

        public bool Recovering => _lostSince is not null;

        public void Report(string message) => onRetry(message);

        public async Task<T> Make<T>(string step, Func<Task<T>> call)
        {
            while (true)
            {
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
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
    }
}

public sealed class SimulationFailedException(string message) : Exception(message);
