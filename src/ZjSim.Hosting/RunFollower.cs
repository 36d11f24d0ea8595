using Orleans.Concurrency;
using ZjSim.GrainInterfaces;
using ZjSim.Grains;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Hosting;

/// <summary>
/// The one way to start runs, follow their progress and fetch their outcomes: used by zjsim, the bench and
/// the grain tests. On a service of several silos, a call that fails because a silo or the gateway died is
/// made again (through another gateway, to the run grain wherever it is now), and every step that had to be
/// redone, here or in the grains, goes to onRetry.
/// </summary>
public sealed class RunFollower(IGrainFactory grains, Action<string>? onRetry = null)
{
    /// <summary>How long the client keeps trying when no call gets through, before it gives up on the service.</summary>
    private static readonly TimeSpan PatienceWithoutContact = TimeSpan.FromMinutes(2);

    private readonly Calls _calls = new(onRetry ?? (_ => { }));

    /// <summary>Time between two rounds of progress calls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(150);

    public async Task StartAsync(IEnumerable<RunRequest> requests)
    {
        foreach (var request in requests)
        {
            await StoreJointSample(request);
            var run = grains.GetGrain<IRunGrain>(request.RunId);
            await _calls.Make("starting the run", async () => { await run.Start(request.AsImmutable()); return true; });
        }
    }

    /// <summary>
    /// The joint sample (posterior) a request names by key goes to its grain before the run starts, once per service:
    /// the silos fetch it from there, so the rows do not travel with every call and every stored request.
    /// </summary>
    private async Task StoreJointSample(RunRequest request)
    {
        if (ParameterUncertainty.StoredSampleKey(request.ParametersJson) is not string key) return;
        var grain = grains.GetGrain<IJointSampleGrain>(key);
        await _calls.Make("storing the joint sample", async () =>
        {
            if (await grain.IsStored()) return true;
            var sample = StoredJointSample.Find(key)
                ?? throw new InvalidOperationException($"run {request.RunId} names the joint sample {key}, which is neither in the service nor made in this process");
            await grain.Store(sample.Json.AsImmutable());
            return true;
        });
    }

    /// <summary>
    /// Polls every run until all have finished, or until <paramref name="cancellation"/>: then each run is
    /// told to start no further replications (those in flight finish and are kept) and Cancelled is true.
    /// </summary>
    public async Task<(RunProgress[] Progress, bool Cancelled)> FollowAsync(IReadOnlyList<RunRequest> requests,
        Action<int, RunProgress> onProgress, CancellationToken cancellation)
    {
        var runs = requests.Select(r => grains.GetGrain<IRunGrain>(r.RunId)).ToArray();
        var progress = new RunProgress[runs.Length];
        var retriesSeen = new int[runs.Length];
        while (true)
        {
            for (int i = 0; i < runs.Length; i++)
            {
                var (run, request) = (runs[i], requests[i]);
                progress[i] = await _calls.Make("polling progress", async () =>
                {
                    // After lost contact, Start again: idempotent, and it resumes a run whose start was lost with its silo.
                    if (_calls.Recovering) await run.Start(request.AsImmutable());
                    return await run.GetProgress();
                });
                var retries = progress[i].Retries ?? [];
                for (; retriesSeen[i] < retries.Length; retriesSeen[i]++) _calls.Report(retries[retriesSeen[i]]);
                onProgress(i, progress[i]);
            }
            if (progress.All(p => p.Finished)) return (progress, false);
            try
            {
                await Task.Delay(PollInterval, cancellation);
            }
            catch (OperationCanceledException)
            {
                foreach (var run in runs) await _calls.Make("cancelling the run", async () => { await run.Cancel(); return true; });
                return (progress, true);
            }
        }
    }

    /// <summary>The outcomes of the run's finished replications, from its aggregator.</summary>
    public async Task<ReplicationOutcome[]> FetchAsync(RunRequest request)
    {
        var aggregator = grains.GetGrain<IAggregatorGrain>(request.RunId);
        var outcomes = new List<ReplicationOutcome>();
        int from = 0;
        while (true)
        {
            // Page by page (some 6 MB each at province scale): one reply for a whole run passes Orleans' 100 MB limit.
            var page = (await _calls.Make("fetching the results", () => aggregator.OutcomesFrom(from, FetchPageSize))).Value;
            outcomes.AddRange(page);
            if (page.Length < FetchPageSize) return [.. outcomes];
            from = page[^1].Replication + 1;
        }
    }

    /// <summary>Outcomes per fetch call.</summary>
    public int FetchPageSize { get; init; } = 4096;

    /// <summary>
    /// Starts one run, follows it to its end and fetches its outcomes. Throws SimulationFailedException when
    /// the run failed and OperationCanceledException when <paramref name="cancellation"/> came first.
    /// </summary>
    public async Task<(RunProgress Final, ReplicationOutcome[] Outcomes)> RunToEndAsync(RunRequest request, CancellationToken cancellation = default)
    {
        await StartAsync([request]);
        var (progress, cancelled) = await FollowAsync([request], (_, _) => { }, cancellation);
        if (cancelled) throw new OperationCanceledException($"run {request.RunId} did not finish", cancellation);
        if (progress[0].Error is string error) throw new SimulationFailedException($"{request.ScenarioName}: {error}");
        return (progress[0], await FetchAsync(request));
    }

    /// <summary>The client's side of fault tolerance: calls retried while the service heals, within a bound.</summary>
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
