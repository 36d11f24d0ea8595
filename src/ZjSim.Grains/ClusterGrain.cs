using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Grains.Telemetry;
using ZjSim.Model;
using ZjSim.Model.Agents;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// A cluster in one replication. `cluster` granularity: its enterprises live here as arrays and step in one
/// loop. `enterprise` granularity: each enterprise is a grain, stepped with the hazards resolved here.
/// </summary>
public sealed class ClusterGrain(IGrainFactory grains, WorldCache worlds, ILocalSiloDetails silo) : Grain, IClusterGrain
{
    private ClusterPopulation? _batch;
    private ClusterCore? _core;
    private IEnterpriseGrain[] _members = [];
    private long _enterpriseYears;
    private int _year;

    public async Task<ClusterReport> Initialize(Immutable<RunRequest> request, int replication, string attempt, int clusterIndex)
    {
        var r = request.Value;
        var (world, _) = worlds.Get(r, replication);
        _enterpriseYears = 0;
        _year = world.Parameters.Years.BaseYear;
        var spec = world.Clusters[clusterIndex];
        if (r.Granularity == Granularity.Cluster)
        {
            _batch = new ClusterPopulation(world, spec, r.Seed, replication);
            return _batch.InitialReport;
        }
        _members = Enumerable.Range(spec.FirstEnterpriseId, spec.EnterpriseCount)
            .Select(id => grains.GetGrain<IEnterpriseGrain>(GrainKeys.Enterprise(r.RunId, replication, attempt, id)))
            .ToArray();
        var states = await Task.WhenAll(_members.Select((g, i) => g.Initialize(request, replication, spec.FirstEnterpriseId + i)));
        _core = new ClusterCore(world, spec, r.Seed, replication, Tally(states));
        return _core.Report(world.Parameters.Years.BaseYear, 0);
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
        _enterpriseYears += report.EnterpriseYears;
        return report;
    }

    public async Task<ClusterWork> Release()
    {
        await Task.WhenAll(_members.Select(g => g.Release()));
        _batch = null;
        _core = null;
        _members = [];
        DeactivateOnIdle();
        return new ClusterWork(silo.SiloAddress.Endpoint.ToString(), _enterpriseYears);
    }

    private static ClusterTally Tally(EnterpriseState[] states)
    {
        var tally = new ClusterTally();
        foreach (var s in states) tally.Add(s);
        return tally;
    }
}
