using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Simulation;

namespace ZjSim.Grains;

/// <summary>
/// Advances one replication year by year: brains launch, every cluster steps (one call per cluster-year,
/// all clusters at once), the province combines their reports in cluster order, goals are checked.
/// A replication is a pure function of (request, replication): when any of its grains dies with a silo, the
/// run grain simply calls Run again and it starts over from the base year.
/// </summary>
public sealed class ReplicationGrain(IGrainFactory grains, WorldCache worlds) : Grain, IReplicationGrain
{
    public async Task<long> Run(Immutable<RunRequest> request, int replication)
    {
        var r = request.Value;
        var (world, goals) = worlds.Get(r);
        var years = world.Parameters.Years;
        var table = new IndicatorTable(years.BaseYear, years.EndYear);
        var province = new ProvinceModel(world, r.Seed, replication);
        var clusters = world.Clusters
            .Select(c => grains.GetGrain<IClusterGrain>(GrainKeys.Cluster(r.RunId, replication, c.Index)))
            .ToArray();

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

        var work = await Task.WhenAll(clusters.Select(g => g.Release()));
        var bySilo = work.GroupBy(w => w.Silo).ToDictionary(g => g.Key, g => g.Sum(w => w.EnterpriseYears));
        var outcome = new ReplicationOutcome(replication, table, goals.Evaluate(table, world.Scale).ToArray(), enterpriseYears, bySilo);
        await grains.GetGrain<IAggregatorGrain>(r.RunId).Record(outcome.AsImmutable());
        DeactivateOnIdle();
        return enterpriseYears;
    }
}
