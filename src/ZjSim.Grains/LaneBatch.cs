using ZjSim.Model.Rules;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// The replications of one lane batch, each following its own <see cref="YearSchedule"/>, made to share their calls:
/// every replication's request to start or step the clusters waits until all of the batch have made theirs, then one
/// call per cluster grain carries them all, and the brains launched that year go with it (one call per brain number).
/// Results do not depend on the batch: each replication's draws are keyed by its number, and its reports come back
/// to it alone, in cluster order. Runs on the lane grain's turn-based scheduler, so no locking is needed.
/// </summary>
internal sealed class LaneBatch(IGrainFactory grains, Immutable<RunRequest> request, int[] replications, int batchNumber,
    string laneKey, string attempt, IClusterGrain[] clusters)
{
    private readonly TaskCompletionSource<IReadOnlyList<ClusterReport>>[] _waiting = new TaskCompletionSource<IReadOnlyList<ClusterReport>>[replications.Length];
    private readonly IReadOnlyList<ClusterDirective>?[] _served = new IReadOnlyList<ClusterDirective>?[replications.Length];
    private readonly List<(int Brain, BrainLaunch Launch)> _launches = [];
    private int _arrived, _year;
    private Exception? _failed;

    public int Count => replications.Length;

    /// <summary>The silo each cluster grain runs on, known from the base year's call.</summary>
    public string[] Silos { get; private set; } = [];

    /// <summary>Replication k's part: its schedule's requests, gathered with the others'.</summary>
    public Task<IReadOnlyList<ClusterReport>> Start(int k) => Arrive(k, year: -1, served: null);

    public Task<IReadOnlyList<ClusterReport>> Step(int k, int year, IReadOnlyList<ClusterDirective> served) => Arrive(k, year, served);

    /// <summary>Launches wait for the year's cluster call; the clusters' steps do not depend on them.</summary>
    public void Launch(int k, int year, int firstBrain, IReadOnlyList<int[]> launches)
    {
        for (int b = 0; b < launches.Count; b++) _launches.Add((firstBrain + b, new BrainLaunch(replications[k], year, launches[b])));
    }

    /// <summary>A replication failed outside the calls: the others must not wait for it.</summary>
    public void Fail(Exception e)
    {
        _failed ??= e;
        foreach (var w in _waiting) w?.TrySetException(e);
    }

    private Task<IReadOnlyList<ClusterReport>> Arrive(int k, int year, IReadOnlyList<ClusterDirective>? served)
    {
        if (_failed is not null) return Task.FromException<IReadOnlyList<ClusterReport>>(_failed);
        if (_waiting[k] is not null) throw new InvalidOperationException($"replication {replications[k]} asked twice in one phase");
        if (_arrived > 0 && year != _year) throw new InvalidOperationException($"replication {replications[k]} asked for {year} while the batch is at {_year}");
        _year = year;
        _served[k] = served;
        var waiting = new TaskCompletionSource<IReadOnlyList<ClusterReport>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[k] = waiting;
        if (++_arrived == replications.Length) _ = Call();
        return waiting.Task;
    }

    /// <summary>The batch's call for the phase; every replication gets its reports, or the failure.</summary>
    private async Task Call()
    {
        var waiting = (TaskCompletionSource<IReadOnlyList<ClusterReport>>[])_waiting.Clone();
        var served = (IReadOnlyList<ClusterDirective>?[])_served.Clone();
        var launches = _launches.ToArray();
        Array.Clear(_waiting);
        Array.Clear(_served);
        _launches.Clear();
        _arrived = 0;
        try
        {
            ClusterReport[][] byCluster;
            if (served[0] is null)
            {
                var starts = await Task.WhenAll(clusters.Select((g, i) => g.Initialize(request, replications, attempt, i)));
                Silos = starts.Select(s => s.Silo).ToArray();
                byCluster = starts.Select(s => s.Reports).ToArray();
            }
            else
            {
                var brains = launches.GroupBy(l => l.Brain).Select(g =>
                    grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(laneKey, attempt, g.Key)).Launch(batchNumber, g.Select(l => l.Launch).ToArray().AsImmutable()));
                var steps = clusters.Select((g, i) => g.Step(_year, served.Select(s => s![i]).ToArray().AsImmutable())).ToArray();
                await Task.WhenAll(brains);
                byCluster = (await Task.WhenAll(steps)).Select(s => s.Value).ToArray();
            }
            for (int k = 0; k < waiting.Length; k++)
            {
                var reports = new ClusterReport[byCluster.Length];
                for (int i = 0; i < reports.Length; i++) reports[i] = byCluster[i][k];
                waiting[k].SetResult(reports);
            }
        }
        catch (Exception e)
        {
            foreach (var w in waiting) w.TrySetException(e);
        }
    }
}
