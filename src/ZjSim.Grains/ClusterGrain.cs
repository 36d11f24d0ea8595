using Orleans.Placement;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// A cluster in a lane of a run, one replication at a time. `cluster` granularity: its enterprises live here as
/// arrays and step in one loop. `enterprise` granularity: each enterprise is a grain (keyed by replication),
/// stepped with the hazards resolved here and released when the next replication starts or the lane ends.
/// Placed on the silo of the lane that activates it, so the calls of every cluster-year stay in-process while
/// lanes (placed by the default policy) spread replications over the silos.
/// </summary>
[PreferLocalPlacement]
public sealed class ClusterGrain(IGrainFactory grains, WorldCache worlds) : Grain, IClusterGrain
{
    private ClusterPopulation? _batch;
    private ClusterCore? _core;
    private IEnterpriseGrain[] _members = [];

    public async Task<ClusterReport> Initialize(Immutable<RunRequest> request, int replication, int clusterIndex)
    {
        await ReleaseMembers();   // the lane's previous replication
        _batch = null;
        _core = null;
        var r = request.Value;
        var (world, _) = worlds.Get(r);
        var spec = world.Clusters[clusterIndex];
        if (r.Granularity == Granularity.Cluster)
        {
            _batch = new ClusterPopulation(world, spec, r.Seed, replication);
            return _batch.InitialReport;
        }
        _members = Enumerable.Range(spec.FirstEnterpriseId, spec.EnterpriseCount)
            .Select(id => grains.GetGrain<IEnterpriseGrain>(GrainKeys.Enterprise(r.RunId, replication, id)))
            .ToArray();
        var states = await Task.WhenAll(_members.Select((g, i) => g.Initialize(request, replication, spec.FirstEnterpriseId + i)));
        _core = new ClusterCore(world, spec, r.Seed, replication, Tally(states));
        return _core.Report(world.Parameters.Years.BaseYear, 0);
    }

    public async Task<ClusterReport> Step(int year, bool brainServed)
    {
        if (_batch is not null) return _batch.StepYear(year, brainServed);
        if (_core is null) throw new InvalidOperationException("cluster grain stepped before Initialize");
        var context = _core.BeginYear(year, brainServed);
        var states = await Task.WhenAll(_members.Select(g => g.Step(context)));
        return _core.EndYear(year, Tally(states));
    }

    public async Task Release()
    {
        await ReleaseMembers();
        _batch = null;
        _core = null;
        DeactivateOnIdle();
    }

    private async Task ReleaseMembers()
    {
        await Task.WhenAll(_members.Select(g => g.Release()));
        _members = [];
    }

    private static ClusterTally Tally(EnterpriseState[] states)
    {
        var tally = new ClusterTally();
        foreach (var s in states) tally.Add(s);
        return tally;
    }
}
