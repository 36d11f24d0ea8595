using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// One replication of the model in a single thread, without Orleans: the reference the grains must
/// reproduce bit for bit, and the engine of the single-thread benchmark.
/// </summary>
public static class ReplicationRunner
{
    public static IndicatorTable Run(WorldLayout world, ulong seed, int replication)
    {
        var years = world.Parameters.Years;
        var table = new IndicatorTable(years.BaseYear, years.EndYear);
        var clusters = world.Clusters.Select(c => new ClusterPopulation(world, c, seed, replication)).ToArray();
        var province = new ProvinceModel(world, seed, replication);
        province.Observe(years.BaseYear, clusters.Select(c => c.InitialReport).ToArray(), table);
        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            province.LaunchBrains(year);
            var reports = clusters.Select(c => c.StepYear(year, province.BrainServed[c.Spec.Index])).ToArray();
            province.Observe(year, reports, table);
        }
        return table;
    }
}
