using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// A lane of a run: replications one after another, on the same cluster grains. Each advances year by year:
/// brains launch, every cluster steps (one call per cluster-year, all clusters at once), the province combines
/// their reports in cluster order, goals are checked.
/// </summary>
public sealed class ReplicationGrain(IGrainFactory grains, WorldCache worlds) : Grain, IReplicationGrain
{
    private IClusterGrain[] _clusters = [];

    public async Task<long> Run(Immutable<RunRequest> request, int replication)
    {
        var r = request.Value;
        var (world, goals) = worlds.Get(r);
        var years = world.Parameters.Years;
        var table = new IndicatorTable(years.BaseYear, years.EndYear);
        var province = new ProvinceModel(world, r.Seed, replication);
        if (_clusters.Length != world.Clusters.Count)
            _clusters = world.Clusters.Select(c => grains.GetGrain<IClusterGrain>(GrainKeys.Cluster(this.GetPrimaryKeyString(), c.Index))).ToArray();
        var clusters = _clusters;

        var reports = await Task.WhenAll(clusters.Select((g, i) => g.Initialize(request, replication, i)));
        province.Observe(years.BaseYear, reports, table);
        int brains = province.Brains;
        long enterpriseYears = 0;
        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            var launches = province.LaunchBrains(year);
            await Task.WhenAll(launches.Select((served, k) =>
                grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(r.RunId, replication, brains + k)).Launch(year, served)));
            brains += launches.Count;

            // Task.WhenAll keeps input order, so reports are combined in cluster order whatever finishes first.
            reports = await Task.WhenAll(clusters.Select((g, i) => g.Step(year, province.BrainServed[i])));
            province.Observe(year, reports, table);
            enterpriseYears += reports.Sum(x => x.EnterpriseYears);
        }

        var outcome = new ReplicationOutcome(replication, table, goals.Evaluate(table, world.Scale).ToArray(), enterpriseYears);
        await grains.GetGrain<IAggregatorGrain>(r.RunId).Record(outcome.AsImmutable());
        return enterpriseYears;
    }

    public async Task Release()
    {
        await Task.WhenAll(_clusters.Select(g => g.Release()));
        _clusters = [];
        DeactivateOnIdle();
    }
}
