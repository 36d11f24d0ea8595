using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Calibration;

/// <summary>
/// Runs a scenario's replications with the single-thread reference (no Orleans), several at once.
/// Each replication writes only its own slot, so the results do not depend on thread scheduling.
/// </summary>
public static class HistoricalRunner
{
    /// <summary>
    /// Replications 0..n−1. <paramref name="fixedValues"/> sets parameters by path in every replication
    /// (calibration's candidate values); every other uncertain parameter is drawn as usual.
    /// </summary>
    public static IndicatorTable[] Run(Scenario scenario, ulong seed, int replications,
        IReadOnlyDictionary<string, double>? fixedValues = null, CancellationToken cancellation = default)
    {
        var tables = new IndicatorTable[replications];
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, replications, options, r =>
        {
            var resolved = scenario.Uncertainty.Resolve(scenario.Parameters, seed, r, fixedValues);
            tables[r] = ReplicationRunner.Run(new WorldLayout(resolved.Parameters), seed, r);
        });
        return tables;
    }
}
