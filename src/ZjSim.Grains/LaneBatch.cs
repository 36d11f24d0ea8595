using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// The replications of one lane batch, each following its own <see cref="YearSchedule"/>, made to share their calls:
/// every replication's request to start or step the clusters waits until all of the batch have made theirs, then one
/// call per cluster grain carries them all; the brains' year likewise, one call per brain number.
/// Results do not depend on the batch: each replication's draws are keyed by its number, and its reports come back
/// to it alone, in cluster order. Runs on the lane grain's turn-based scheduler, so no locking is needed.
/// </summary>
internal sealed class LaneBatch(IGrainFactory grains, Immutable<RunRequest> request, int[] replications, int batchNumber,
    string laneKey, string attempt, IClusterGrain[] clusters)
{
    private readonly TaskCompletionSource<IReadOnlyList<ClusterReport>>[] _waiting = new TaskCompletionSource<IReadOnlyList<ClusterReport>>[replications.Length];
    private readonly IReadOnlyList<ClusterDirective>?[] _served = new IReadOnlyList<ClusterDirective>?[replications.Length];
    private readonly TaskCompletionSource<IReadOnlyList<BrainRecord>>?[] _brainWaiting = new TaskCompletionSource<IReadOnlyList<BrainRecord>>?[replications.Length];
    private readonly (IReadOnlyList<int> Launched, IReadOnlyList<long> Connections)[] _brainWork = new (IReadOnlyList<int>, IReadOnlyList<long>)[replications.Length];
    /// <summary>[k]: brains replication k has, numbered 0..n−1 in the lane's brain grains.</summary>
    private readonly int[] _brains = new int[replications.Length];
    private int _arrived, _year, _brainArrived, _brainYear;
    /// <summary>Cluster indexes, the most enterprises first (known from the base year's reports).</summary>
    private int[]? _order;
    private Exception? _failed;

    public int Count => replications.Length;

    /// <summary>The silo each cluster grain runs on, known from the base year's call.</summary>
    public string[] Silos { get; private set; } = [];

    /// <summary>Replication k's part: its schedule's requests, gathered with the others'.</summary>
    public Task<IReadOnlyList<ClusterReport>> Start(int k) => Arrive(k, year: -1, served: null);

    public Task<IReadOnlyList<ClusterReport>> Step(int k, int year, IReadOnlyList<ClusterDirective> served) => Arrive(k, year, served);

    /// <summary>Brain grains numbered below this hold some replication's brain (for the lane to release).</summary>
    public int BrainsUsed { get; private set; }

    /// <summary>Replication k's brain year (<see cref="IReplicationHost.StepBrains"/>), gathered with the others'.</summary>
    public Task<IReadOnlyList<BrainRecord>> StepBrains(int k, int year, IReadOnlyList<int> launched, IReadOnlyList<long> connections)
    {
        if (_failed is not null) return Task.FromException<IReadOnlyList<BrainRecord>>(_failed);
        if (_brainWaiting[k] is not null) throw new InvalidOperationException($"replication {replications[k]} asked twice for the brains' year");
        if (_brainArrived > 0 && year != _brainYear) throw new InvalidOperationException($"replication {replications[k]} asked for brains in {year} while the batch is at {_brainYear}");
        if (connections.Count > _brains[k]) throw new ArgumentException($"replication {replications[k]} gave connections for {connections.Count} brains; it has {_brains[k]}");
        _brainYear = year;
        _brainWork[k] = (launched, connections);
        var waiting = new TaskCompletionSource<IReadOnlyList<BrainRecord>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _brainWaiting[k] = waiting;
        if (++_brainArrived == replications.Length) _ = CallBrains();
        return waiting.Task;
    }

    /// <summary>A replication failed outside the calls: the others must not wait for it.</summary>
    public void Fail(Exception e)
    {
        _failed ??= e;
        foreach (var w in _waiting) w?.TrySetException(e);
        foreach (var w in _brainWaiting) w?.TrySetException(e);
    }

    /// <summary>One call per brain number for the batch's year; each replication gets its brains' records back, by number.</summary>
    private async Task CallBrains()
    {
        var waiting = (TaskCompletionSource<IReadOnlyList<BrainRecord>>?[])_brainWaiting.Clone();
        var work = ((IReadOnlyList<int> Launched, IReadOnlyList<long> Connections)[])_brainWork.Clone();
        Array.Clear(_brainWaiting);
        _brainArrived = 0;
        int year = _brainYear;
        try
        {
            int total = 0;
            for (int k = 0; k < work.Length; k++) total = Math.Max(total, _brains[k] + work[k].Launched.Count);
            var perBrain = Enumerable.Range(0, total).Select(_ => new List<(int K, BrainYear Year)>()).ToArray();
            for (int k = 0; k < work.Length; k++)
            {
                for (int b = 0; b < _brains[k]; b++)
                    perBrain[b].Add((k, new BrainYear(replications[k], -1, b < work[k].Connections.Count ? work[k].Connections[b] : 0)));
                for (int j = 0; j < work[k].Launched.Count; j++)
                    perBrain[_brains[k] + j].Add((k, new BrainYear(replications[k], work[k].Launched[j], 0)));
            }
            BrainsUsed = Math.Max(BrainsUsed, total);
            var results = await Task.WhenAll(perBrain.Select((entries, b) => grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(laneKey, attempt, b))
                .Step(batchNumber, year, entries.Select(e => e.Year).ToArray().AsImmutable())));
            var records = work.Select((w, k) => new BrainRecord[_brains[k] + w.Launched.Count]).ToArray();
            for (int b = 0; b < total; b++)
                for (int i = 0; i < perBrain[b].Count; i++) records[perBrain[b][i].K][b] = results[b].Value[i];
            for (int k = 0; k < waiting.Length; k++)
            {
                _brains[k] = records[k].Length;
                waiting[k]!.SetResult(records[k]);
            }
        }
        catch (Exception e)
        {
            foreach (var w in waiting) w?.TrySetException(e);
        }
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

    private static int[] LargestFirst(ClusterStart[] started)
    {
        var order = new int[started.Length];
        var size = new long[started.Length];
        for (int i = 0; i < order.Length; i++) (order[i], size[i]) = (i, started[i].Reports.Length == 0 ? 0 : -started[i].Reports[0].Tally.Total);
        Array.Sort(size, order);   // stable enough: equal sizes keep no particular order, and none is needed
        return order;
    }

    /// <summary>The batch's call for the phase; every replication gets its reports, or the failure.</summary>
    private async Task Call()
    {
        var waiting = (TaskCompletionSource<IReadOnlyList<ClusterReport>>[])_waiting.Clone();
        var served = (IReadOnlyList<ClusterDirective>?[])_served.Clone();
        Array.Clear(_waiting);
        Array.Clear(_served);
        _arrived = 0;
        try
        {
            var byCluster = new ClusterReport[clusters.Length][];
            if (served[0] is null)
            {
                var starts = new Task<ClusterStart>[clusters.Length];
                for (int i = 0; i < clusters.Length; i++) starts[i] = clusters[i].Initialize(request, replications, attempt, i);
                var started = await Task.WhenAll(starts);
                Silos = new string[clusters.Length];
                for (int i = 0; i < clusters.Length; i++) (Silos[i], byCluster[i]) = (started[i].Silo, started[i].Reports);
                _order ??= LargestFirst(started);
            }
            else
            {
                // The largest clusters are called first: the year ends with the last cluster to finish, and a big one
                // started last would run alone on one core while the others idle. Results do not depend on the order.
                var steps = new Task<Immutable<ClusterReport[]>>[clusters.Length];
                foreach (int i in _order!)
                {
                    var directives = new ClusterDirective[served.Length];
                    for (int k = 0; k < served.Length; k++) directives[k] = served[k]![i];
                    steps[i] = clusters[i].Step(_year, directives.AsImmutable());
                }
                await Task.WhenAll(steps);
                for (int i = 0; i < clusters.Length; i++) byCluster[i] = steps[i].Result.Value;
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
