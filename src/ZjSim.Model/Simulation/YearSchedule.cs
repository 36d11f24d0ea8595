using ZjSim.Model.Rules;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A replication's years, the one statement of their order. Base year: clusters start, the initial brains are placed
/// and the brains (wherever the host keeps them) record them, the province combines the reports, indicators are
/// recorded. Each later year: the province launches brains (plan and demand) and the brains add last year's
/// connections and the new launches and are read back; the province's agents plan from the start-of-year reports and
/// the brains as read (connection probability and effect, the government's campaign offers and recognition batches);
/// every cluster steps with its directive (platform, hazards from start-of-year
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
        var brains = province.InitialBrains(reports);
        province.ReadBrains(await host.StepBrains(years.BaseYear, brains, []));
        Indicators.Collect(province.Step(years.BaseYear, reports), table);
        host.YearEnded(years.BaseYear, reports, brains.Count);

        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            host.YearBegins(year);
            var launches = province.LaunchBrains(year, reports);
            province.ReadBrains(await host.StepBrains(year, launches, province.Connections));
            var directives = province.PlanYear(year, reports);
            reports = await host.StepClusters(year, directives);
            Indicators.Collect(province.Step(year, reports), table);
            host.YearEnded(year, reports, launches.Count);
        }
        return table;
    }
}
