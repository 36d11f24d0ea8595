using ZjSim.Client.Commands;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.Model.Calibration;
using ZjSim.Model.Goals;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Inference;

/// <summary>
/// Simulates calibration candidates through the grains: each batch is one run of the run grain (replication j
/// simulates candidate j), so its replications spread over every silo of a cluster like any run's. A candidate the
/// model's validation rejects is not simulated: its row runs the prior medians instead and its distance is ∞.
/// </summary>
public sealed class GrainSimulator(ISimulationHost host, CalibrationProblem problem, ulong seed, string runId, int lanes, Action<string> onRetry) : IAbcSimulator
{
    public async Task<double[]> DistancesAsync(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct)
    {
        var paths = problem.Paths;
        var valid = candidates.Select(c => CandidateBatch.IsValid(problem.Scenario, paths, c)).ToArray();
        var medians = problem.Priors.Select(p => p.Distribution.Median).ToArray();
        var rows = candidates.Select((c, j) => valid[j] ? c : medians).ToList();
        var scenario = CandidateBatch.ScenarioFor(problem.Scenario, paths, rows);
        ulong batchSeed = CandidateBatch.Seed(seed, firstSimulation);
        var goals = new GoalSet([]);
        var request = RunRequest.For($"{runId}/s{firstSimulation}", scenario, goals, batchSeed, rows.Count, Granularity.Cluster, lanes);
        var options = new RunOptions(scenario.Name, rows.Count, batchSeed, null, Granularity.Cluster, problem.Scale, null, lanes);
        var plan = new RunPlan(options, scenario, goals, "", request);
        var runs = await Simulator.RunAsync(host, [plan], (_, _) => { }, ct, onRetry);
        ct.ThrowIfCancellationRequested();
        var outcomes = runs[0].Outcomes;
        if (outcomes.Length != rows.Count)
            throw new SimulationFailedException($"calibration batch {firstSimulation}: {outcomes.Length} of {rows.Count} simulations came back");
        var distances = new double[rows.Count];
        foreach (var o in outcomes)
            distances[o.Replication] = valid[o.Replication] ? problem.Distance.Distance(o.Indicators, problem.Scale) : double.PositiveInfinity;
        return distances;
    }
}
