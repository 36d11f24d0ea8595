using ZjSim.Model.Rules;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A replication's years, the one statement of their order. Base year: clusters start, the province combines them and
/// builds its brain network, indicators are recorded. Each later year: the province's agents plan from the
/// start-of-year reports (brains launched by plan and demand, their connections and effect, the government's campaign
/// offers and recognition batches), every cluster steps with its directive (platform, hazards from start-of-year
/// shares, enterprises, output), the province combines the reports and steps its flows, and the indicators are
/// recorded. Stepping and recording are apart, as in Mesa's step() and DataCollector.collect(). Goals are checked on
/// the finished table by the caller.
/// </summary>
public static class YearSchedule
{
    public static async ValueTask<IndicatorTable> Run(World.WorldLayout world, ulong seed, int replication, IReplicationHost host)
    {
        var years = world.Parameters.Years;
        var table = new IndicatorTable(years.BaseYear, years.EndYear);
        var province = new ProvinceModel(world, seed, replication);

        host.YearBegins(years.BaseYear);
        var reports = await host.StartClusters();
        Indicators.Collect(province.Step(years.BaseYear, reports), table);
        host.YearEnded(years.BaseYear, reports, 0);

        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            host.YearBegins(year);
            int brainsBefore = province.Brains;
            var (directives, launches) = province.PlanYear(year, reports);
            if (launches.Count > 0) await host.LaunchBrains(year, brainsBefore, launches.Select(province.ClustersOf).ToArray());
            reports = await host.StepClusters(year, directives);
            Indicators.Collect(province.Step(year, reports), table);
            host.YearEnded(year, reports, launches.Count);
        }
        return table;
    }
}
