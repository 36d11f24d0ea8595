using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.GrainInterfaces.Telemetry;
using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Grains;

/// <summary>
/// A cluster in a lane of a run, for a batch of replications at once. `cluster` granularity: in each replication its
/// enterprises live here as arrays and step in one loop. `enterprise` granularity: each enterprise is a grain (keyed
/// by replication), stepped with the hazards resolved here and released when the next batch starts or the lane ends.
/// Each replication has its own world (its drawn parameters), so each keeps its own population.
/// </summary>
internal sealed class ClusterGrain(IGrainFactory grains, WorldCache worlds, StateArrayPool pool, ILocalSiloDetails silo) : Grain, IClusterGrain
{
    private ClusterPopulation[] _batch = [];
    private ClusterCore[] _cores = [];
    private IEnterpriseGrain[][] _members = [];
    private int _year;

    public async Task<ClusterStart> Initialize(Immutable<RunRequest> request, int[] replications, string attempt, int clusterIndex)
    {
        await ReleaseMembers();   // the lane's previous batch
        var previous = _batch;
        _batch = [];
        _cores = [];
        var r = request.Value;
        var worldsOf = new WorldLayout[replications.Length];
        for (int i = 0; i < worldsOf.Length; i++) worldsOf[i] = (await worlds.Get(r, replications[i])).World;
        _year = worldsOf[0].Parameters.Years.BaseYear;
        if (r.Granularity == Granularity.Cluster)
        {
            _batch = replications.Select((k, i) => new ClusterPopulation(worldsOf[i], worldsOf[i].Clusters[clusterIndex], r.Seed, k,
                states: i < previous.Length ? previous[i].StateArray : pool.Take(worldsOf[i].Clusters[clusterIndex].EnterpriseCount))).ToArray();
            for (int i = replications.Length; i < previous.Length; i++) pool.Return(previous[i].StateArray);
            return new ClusterStart(_batch.Select(b => b.InitialReport).ToArray(), Silo);
        }
        _members = replications.Select((k, i) =>
        {
            var spec = worldsOf[i].Clusters[clusterIndex];
            return Enumerable.Range(spec.FirstEnterpriseId, spec.EnterpriseCount)
                .Select(id => grains.GetGrain<IEnterpriseGrain>(GrainKeys.Enterprise(r.RunId, k, attempt, id)))
                .ToArray();
        }).ToArray();
        var states = await Task.WhenAll(replications.Select((k, i) =>
            Task.WhenAll(_members[i].Select((g, e) => g.Initialize(request, k, worldsOf[i].Clusters[clusterIndex].FirstEnterpriseId + e)))));
        _cores = replications.Select((k, i) => new ClusterCore(worldsOf[i], worldsOf[i].Clusters[clusterIndex], r.Seed, k, ClusterTally.Of(states[i], worldsOf[i].Parameters))).ToArray();
        return new ClusterStart(_cores.Select(c => c.Report(_year, 0)).ToArray(), Silo);
    }

    public async Task<Immutable<ClusterReport[]>> Step(int year, Immutable<ClusterDirective[]> directives)
    {
        var directive = directives.Value;
        int count = _batch.Length + _cores.Length;
        if (count == 0)
            throw new ReplicationStateLostException($"cluster grain {this.GetPrimaryKeyString()} has no state for {year}");
        if (year != _year + 1)
            throw new ReplicationStateLostException($"cluster grain {this.GetPrimaryKeyString()} is at {_year} and was asked to step {year}");
        if (directive.Length != count)
            throw new ArgumentException($"cluster grain {this.GetPrimaryKeyString()} holds {count} replications and was given {directive.Length}");
        long start = Stopwatch.GetTimestamp();
        ClusterReport[] reports;
        if (_batch.Length > 0)
        {
            reports = new ClusterReport[_batch.Length];
            for (int k = 0; k < reports.Length; k++) reports[k] = _batch[k].StepYear(year, directive[k]);
        }
        else reports = await Task.WhenAll(_cores.Select(async (core, k) =>
        {
            var context = core.BeginYear(year, directive[k]);
            var states = await Task.WhenAll(_members[k].Select(g => g.Step(context)));
            return core.EndYear(year, ClusterTally.Of(states, core.Parameters));
        }));
        _year = year;
        if (ZjSimTelemetry.StepDuration.Enabled)   // telemetry off: nothing to measure or tag
            ZjSimTelemetry.StepDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Granularity, _batch.Length > 0 ? "cluster" : "enterprise"));
        return reports.AsImmutable();   // never changed after this: no copy on the way back
    }

    public async Task Release()
    {
        await ReleaseMembers();
        foreach (var b in _batch) pool.Return(b.StateArray);   // for the next run's new grains
        _batch = [];
        _cores = [];
        DeactivateOnIdle();
    }

    private async Task ReleaseMembers()
    {
        await Task.WhenAll(_members.SelectMany(m => m).Select(g => g.Release()));
        _members = [];
    }

    private string Silo => silo.SiloAddress.Endpoint.ToString();

}
