using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Grains.Telemetry;
using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// A cluster in a lane of a run, one replication at a time. `cluster` granularity: its enterprises live here as
/// arrays and step in one loop. `enterprise` granularity: each enterprise is a grain (keyed by replication),
/// stepped with the hazards resolved here and released when the next replication starts or the lane ends.
/// </summary>
internal sealed class ClusterGrain(IGrainFactory grains, WorldCache worlds, ILocalSiloDetails silo) : Grain, IClusterGrain
{
    private ClusterPopulation? _batch;
    private ClusterCore? _core;
    private IEnterpriseGrain[] _members = [];
    private int _year;

    public async Task<ClusterStart> Initialize(Immutable<RunRequest> request, int replication, string attempt, int clusterIndex)
    {
        await ReleaseMembers();   // the lane's previous replication
        _batch = null;
        _core = null;
        var r = request.Value;
        var (world, _) = worlds.Get(r, replication);
        _year = world.Parameters.Years.BaseYear;
        var spec = world.Clusters[clusterIndex];
        if (r.Granularity == Granularity.Cluster)
        {
            _batch = new ClusterPopulation(world, spec, r.Seed, replication);
            return new ClusterStart(_batch.InitialReport, Silo);
        }
        _members = Enumerable.Range(spec.FirstEnterpriseId, spec.EnterpriseCount)
            .Select(id => grains.GetGrain<IEnterpriseGrain>(GrainKeys.Enterprise(r.RunId, replication, attempt, id)))
            .ToArray();
        var states = await Task.WhenAll(_members.Select((g, i) => g.Initialize(request, replication, spec.FirstEnterpriseId + i)));
        _core = new ClusterCore(world, spec, r.Seed, replication, Tally(states));
        return new ClusterStart(_core.Report(world.Parameters.Years.BaseYear, 0), Silo);
    }

    public async Task<ClusterReport> Step(int year, bool brainServed)
    {
        if (_batch is null && _core is null)
            throw new ReplicationStateLostException($"cluster grain {this.GetPrimaryKeyString()} has no state for {year}");
        if (year != _year + 1)
            throw new ReplicationStateLostException($"cluster grain {this.GetPrimaryKeyString()} is at {_year} and was asked to step {year}");
        long start = Stopwatch.GetTimestamp();
        ClusterReport report;
        if (_batch is not null) report = _batch.StepYear(year, brainServed);
        else
        {
            var context = _core!.BeginYear(year, brainServed);
            var states = await Task.WhenAll(_members.Select(g => g.Step(context)));
            report = _core.EndYear(year, Tally(states));
        }
        _year = year;
        ZjSimTelemetry.StepDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds,
            new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Granularity, _batch is null ? "enterprise" : "cluster"));
        return report;
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

    private string Silo => silo.SiloAddress.Endpoint.ToString();

    private static ClusterTally Tally(EnterpriseState[] states)
    {
        var tally = new ClusterTally();
        foreach (var s in states) tally.Add(s);
        return tally;
    }
}
