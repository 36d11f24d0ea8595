using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ZjSim.GrainInterfaces;
using ZjSim.Grains.Telemetry;

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
    private bool _cancelled;

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

    public Task Cancel()
    {
        _cancelled = true;
        return Task.CompletedTask;
    }

    private async Task RunAll(Immutable<RunRequest> request)
    {
        var r = request.Value;
        int next = 0;
        async Task Worker()
        {
            while (_error is null && !_cancelled && next < r.Replications)
            {
                int replication = next++;   // safe: the activation runs one turn at a time
                try
                {
                    var grain = grains.GetGrain<IReplicationGrain>(GrainKeys.Replication(r.RunId, replication));
                    // Await first: `x += await y` would read x before the await and lose other workers' updates.
                    long enterpriseYears = await grain.Run(request, replication);
                    _enterpriseYears += enterpriseYears;
                    _completed++;
                    ZjSimTelemetry.ReplicationsCompleted.Add(1, new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Scenario, r.ScenarioName));
                    logger.LogInformation("Run {RunId}: replication {Replication} of {Scenario} done ({Completed}/{Total})",
                        r.RunId, replication, r.ScenarioName, _completed, r.Replications);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Replication {Replication} of run {RunId} failed", replication, r.RunId);
                    _error ??= $"replication {replication} failed: {e.GetBaseException().Message}";
                }
            }
        }
        logger.LogInformation("Run {RunId}: {Scenario}, {Replications} replications, seed {Seed}, {Granularity} granularity",
            r.RunId, r.ScenarioName, r.Replications, r.Seed, r.Granularity);
        int workers = Math.Clamp(r.MaxConcurrentReplications, 1, Math.Max(1, r.Replications));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Worker()));
        _clock.Stop();
        _finished = true;
    }
}
