using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using ZjSim.GrainInterfaces;
using ZjSim.GrainInterfaces.Telemetry;

namespace ZjSim.Grains;

/// <summary>
/// Runs the replications of one run on MaxConcurrentReplications lanes, each taking a batch of replications at a time
/// (<see cref="ReplicationBatch"/>). The work continues on
/// this activation after Start returns, so the client's call never waits on a long simulation.
/// Surviving a silo: a replication whose grains died is run again from scratch (it is a pure function of
/// the request and its index); the request and the end of the run are in storage and every finished
/// replication is in the aggregator's storage, so when this activation is lost (its silo died, or the silo
/// holding its directory entry did and Orleans deactivated it), the next call activates the grain again
/// and it carries on with the replications that are not yet done.
/// </summary>
internal sealed class RunGrain(
    IGrainFactory grains,
    ILogger<RunGrain> logger,
    ILocalSiloDetails silo,
    IOptions<RunRetention> retention,
    [PersistentState("run", ServiceNames.Storage)] IPersistentState<RunState> state) : Grain, IRunGrain
{
    // Death of a silo is declared some seconds after it stops answering; the back-off spans that.
    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _saving = new(1, 1);
    private bool _running, _deactivated;
    private int _completed;
    private long _enterpriseYears;
    private bool _cancelled;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An unfinished run in storage means the activation that ran it is gone: carry on here. The finished
        // replications are counted before the first call is answered, so progress never goes back.
        var r = state.State.Request;
        if (r is null || state.State.Finished) return;
        var aggregator = grains.GetGrain<IAggregatorGrain>(r.RunId);
        var kept = await Retrying("reading the finished replications", aggregator.Recorded);
        await Note($"run: its grain was lost with a silo and carries on from storage on {Silo}, {kept.Replications.Length} of {r.Replications} replications already done");
        Launch(kept);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Orleans may deactivate this grain while it runs (a silo died with its directory entry); the
        // activation that replaces it carries the run on, so this one must stop starting work or writing.
        _deactivated = true;
        return Task.CompletedTask;
    }

    public async Task Start(Immutable<RunRequest> request)
    {
        var stored = state.State.Request;
        if (stored is not null)
        {
            // Idempotent: running, resumed on activation, or finished; a retried Start never reruns.
            if (stored != request.Value) throw new ArgumentException($"run id '{stored.RunId}' is already taken by another request");
            return;
        }
        state.State = new RunState { Request = request.Value, StartedUtc = DateTime.UtcNow };
        await Save();
        Launch(new RecordedReplications([], 0));
    }

    public Task<RunProgress> GetProgress()
    {
        var s = state.State;
        if (s.Request is null) return Task.FromResult(RunProgress.NotStarted);
        var progress = s.Finished
            ? new RunProgress(s.Completed, s.Request.Replications, true, s.Error, s.EnterpriseYears, s.ElapsedSeconds, [.. s.Retries])
            : new RunProgress(_completed, s.Request.Replications, false, null, _enterpriseYears, (DateTime.UtcNow - s.StartedUtc).TotalSeconds, [.. s.Retries]);
        return Task.FromResult(progress);
    }

    public Task<RunRequest?> GetRequest() => Task.FromResult(state.State.Request);

    /// <summary>Ctrl+C in the client: start no further replications; those in flight finish and are kept.</summary>
    public Task Cancel()
    {
        _cancelled = true;
        return Task.CompletedTask;
    }

    /// <summary>Runs the replications not among <paramref name="kept"/>, in the background of this activation.</summary>
    private void Launch(RecordedReplications kept)
    {
        if (_running) return;
        _running = true;
        _completed = kept.Replications.Length;
        _enterpriseYears = kept.EnterpriseYears;
        DelayDeactivation(TimeSpan.FromDays(1));
        _ = RunAll(kept.Replications.ToHashSet());
    }

    private async Task RunAll(HashSet<int> done)
    {
        var r = state.State.Request!;
        var request = r.AsImmutable();
        var pending = new Queue<int>(Enumerable.Range(0, r.Replications).Where(i => !done.Contains(i)));
        string? error = null;
        int workers = Math.Clamp(r.MaxConcurrentReplications, 1, Math.Max(1, r.Replications));
        int perCall = ReplicationBatch.Size(r, workers);
        // A worker is a lane: it runs batches of replications one after another on the same cluster grains.
        async Task Worker(int lane)
        {
            var grain = grains.GetGrain<ILaneGrain>(GrainKeys.Lane(r.RunId, lane));
            // Dequeue is safe: the activation runs one turn at a time.
            while (!_deactivated && !_cancelled && error is null && pending.Count > 0)
            {
                var batch = new int[Math.Min(perCall, pending.Count)];
                for (int i = 0; i < batch.Length; i++) batch[i] = pending.Dequeue();
                try
                {
                    // Await first, then add: `field += await` would read the field before the await and lose
                    // what other workers added meanwhile.
                    long[] years = await Retrying($"replications {Describe(batch)}", () => grain.Run(request, batch));
                    _enterpriseYears += years.Sum();
                    _completed += batch.Length;
                    ZjSimTelemetry.ReplicationsCompleted.Add(batch.Length, new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Scenario, r.ScenarioName));
                    logger.LogInformation("Run {RunId}: replications {Replications} of {Scenario} done ({Completed}/{Total})",
                        r.RunId, Describe(batch), r.ScenarioName, _completed, r.Replications);
                }
                catch (Exception e)
                {
                    if (_deactivated) return;   // the activation that replaced this one runs it
                    logger.LogError(e, "Replications {Replications} of run {RunId} failed", Describe(batch), r.RunId);
                    error ??= $"replications {Describe(batch)} failed: {e.GetBaseException().Message}";
                }
            }
            if (_deactivated) return;
            // Losing a lane's release costs only memory until Orleans collects its idle grains.
            try { await grain.Release(); }
            catch (Exception e) { logger.LogWarning(e, "Releasing lane {Lane} of run {RunId} failed", lane, r.RunId); }
        }
        logger.LogInformation("Run {RunId}: {Scenario}, {Replications} replications, seed {Seed}, {Granularity} granularity",
            r.RunId, r.ScenarioName, r.Replications, r.Seed, r.Granularity);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(Worker));

        // An outcome recorded by an aggregator activation that Orleans replaced while a silo's death was
        // sorted out can be missing from its successor: check them all, and run any missing one again.
        var aggregator = grains.GetGrain<IAggregatorGrain>(r.RunId);
        for (int round = 0; round < 3 && error is null && !_deactivated && !_cancelled; round++)
        {
            var recorded = await Retrying("checking the recorded replications", aggregator.Recorded);
            // The totals are those of the outcomes kept: a replication done twice counts once.
            _completed = recorded.Replications.Length;
            _enterpriseYears = recorded.EnterpriseYears;
            var kept = recorded.Replications.ToHashSet();
            var missing = Enumerable.Range(0, r.Replications).Where(i => !kept.Contains(i)).ToList();
            if (missing.Count == 0) break;
            await Note($"replications {string.Join(", ", missing)}: outcome lost with an aggregator activation; running again");
            missing.ForEach(pending.Enqueue);
            await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, missing.Count)).Select(Worker));
        }
        if (_deactivated) return;
        if (error is null && !_cancelled && _completed < r.Replications)
            error = $"only {_completed} of {r.Replications} replication outcomes could be recorded";

        var end = state.State;
        end.Finished = true;
        end.Error = error;
        end.Completed = _completed;
        end.EnterpriseYears = _enterpriseYears;
        end.ElapsedSeconds = (DateTime.UtcNow - end.StartedUtc).TotalSeconds;
        try { await Retrying("saving the end of the run", async () => { await Save(); return true; }); }
        catch (Exception e) { logger.LogError(e, "Could not save the end of run {RunId}", r.RunId); }
        _running = false;
        // Finished: nothing keeps this activation beyond Orleans' idle collection any more.
        DelayDeactivation(TimeSpan.Zero);
        try { await grains.GetGrain<IRunRegistryGrain>(0).Finished(r.RunId, retention.Value.KeepRuns); }
        catch (Exception e) { logger.LogWarning(e, "Could not list run {RunId} among the finished runs", r.RunId); }
    }

    /// <summary>
    /// Removes a finished run from storage: its outcomes (the aggregator's pages) and its own state. Called by the
    /// registry, which keeps the list of finished runs; a run still going is left alone.
    /// </summary>
    public async Task<ForgetOutcome> Forget()
    {
        var r = state.State.Request;
        if (r is null) return ForgetOutcome.Unknown;
        if (!state.State.Finished || _running) return ForgetOutcome.Running;
        await grains.GetGrain<IAggregatorGrain>(r.RunId).Forget();
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return ForgetOutcome.Forgotten;
    }

    /// <summary>Calls a step, and calls it again after a failure of the cluster (not of the model), a bounded number of times.</summary>
    private async Task<T> Retrying<T>(string step, Func<Task<T>> call)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (TransientFailure.Is(e) && attempt < MaxAttempts && !_deactivated)
            {
                await Note($"{step}: attempt {attempt} failed ({TransientFailure.Describe(e)}); retrying");
                var backoff = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                await Task.Delay(backoff < MaxBackoff ? backoff : MaxBackoff);
            }
        }
    }

    /// <summary>Records a retried step where the client will see it; losing the note must not fail the run.</summary>
    private async Task Note(string message)
    {
        if (_deactivated) return;
        logger.LogWarning("Run {RunId}: {Message}", state.State.Request?.RunId, message);
        state.State.Retries.Add(message);
        try { await Save(); }
        catch (Exception e) { logger.LogWarning(e, "Could not save a retry note"); }
    }

    /// <summary>
    /// Writes are serialized: replication workers interleave at every await. A write conflict means another
    /// activation of this run wrote meanwhile (Orleans briefly had two while a silo's death was sorted out):
    /// read what it wrote, keep both sets of notes and the end of the run if either has it, and write again.
    /// </summary>
    private async Task Save()
    {
        await _saving.WaitAsync();
        try
        {
            try { await state.WriteStateAsync(); }
            catch (InconsistentStateException)
            {
                var mine = state.State;
                await state.ReadStateAsync();
                var stored = state.State;
                stored.Request ??= mine.Request;
                stored.Retries = stored.Retries.Union(mine.Retries).ToList();
                if (mine.Finished && !stored.Finished)
                {
                    (stored.Finished, stored.Error, stored.Completed) = (true, mine.Error, mine.Completed);
                    (stored.EnterpriseYears, stored.ElapsedSeconds) = (mine.EnterpriseYears, mine.ElapsedSeconds);
                }
                await state.WriteStateAsync();
            }
        }
        finally { _saving.Release(); }
    }

    private string Silo => silo.SiloAddress.Endpoint.ToString();

    private static string Describe(int[] batch) =>
        batch.Length > 1 && batch[^1] - batch[0] == batch.Length - 1 ? $"{batch[0]}–{batch[^1]}" : string.Join(", ", batch);
}
