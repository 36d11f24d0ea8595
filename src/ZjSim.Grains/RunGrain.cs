using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// Runs the replications of one run, at most MaxConcurrentReplications at a time. The work continues on
/// this activation after Start returns, so the client's call never waits on a long simulation.
/// </summary>
public sealed class RunGrain(IGrainFactory grains, ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private RunRequest? _request;
    private readonly Stopwatch _clock = new();
    private int _completed;
    private long _enterpriseYears;
    private string? _error;
    private bool _finished;

    public Task Start(Immutable<RunRequest> request)
    {
        if (_request is not null) return Task.CompletedTask;   // idempotent: a retried Start does not rerun
        _request = request.Value;
        _clock.Start();
        DelayDeactivation(TimeSpan.FromDays(1));
        _ = RunAll(request);
        return Task.CompletedTask;
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(_request is null
        ? RunProgress.NotStarted
        : new RunProgress(_completed, _request.Replications, _finished, _error, _enterpriseYears, _clock.Elapsed.TotalSeconds));

    private async Task RunAll(Immutable<RunRequest> request)
    {
        var r = request.Value;
        int next = 0;
        async Task Worker(int lane)
        {
            var grain = grains.GetGrain<IReplicationGrain>(GrainKeys.Lane(r.RunId, lane));
            while (_error is null && next < r.Replications)
            {
                int replication = next++;   // safe: the activation runs one turn at a time
                try
                {
                    // Not `_enterpriseYears += await ...`: that reads the field before the await, and the other
                    // workers' additions made meanwhile would be lost.
                    long enterpriseYears = await grain.Run(request, replication);
                    _enterpriseYears += enterpriseYears;
                    _completed++;
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Replication {Replication} of run {RunId} failed", replication, r.RunId);
                    _error ??= $"replication {replication} failed: {e.GetBaseException().Message}";
                }
            }
            try { await grain.Release(); }
            catch (Exception e) { logger.LogWarning(e, "Releasing lane {Lane} of run {RunId} failed", lane, r.RunId); }
        }
        int workers = Math.Clamp(r.MaxConcurrentReplications, 1, Math.Max(1, r.Replications));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(Worker));
        _clock.Stop();
        _finished = true;
    }
}
