using ZjSim.Model.Inference;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Calibration;

/// <summary>
/// Simulates calibration candidates with the single-thread reference, several at once (each writes only its own
/// slot, so the distances do not depend on scheduling): for tests and simulation-based calibration, where a small
/// world makes the grains' messaging the larger cost. `zjsim calibrate` simulates through the grains, and gets the
/// same distances (both take the batch as <see cref="CandidateBatch"/> makes it).
/// </summary>
public sealed class InThreadSimulator(CalibrationProblem problem, ulong seed) : IAbcSimulator
{
    public Task<double[]> DistancesAsync(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct) =>
        Task.FromResult(Distances(candidates, firstSimulation, ct));

    public double[] Distances(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct)
    {
        var scenario = CandidateBatch.ScenarioFor(problem.Scenario, problem.Paths, candidates);
        ulong batchSeed = CandidateBatch.Seed(seed, firstSimulation);
        var distances = new double[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = ct }, j =>
        {
            if (!CandidateBatch.IsValid(problem.Scenario, problem.Paths, candidates[j])) { distances[j] = double.PositiveInfinity; return; }
            distances[j] = problem.Distance.Distance(Simulate(scenario, batchSeed, j), problem.Scale);
        });
        return distances;
    }

    /// <summary>One replication of a batch, as the grains would run it.</summary>
    public static IndicatorTable Simulate(Scenarios.Scenario batch, ulong batchSeed, int j)
    {
        var resolved = batch.Uncertainty.Resolve(batch.Parameters, batchSeed, j);
        return ReplicationRunner.Run(new WorldLayout(resolved.Parameters), batchSeed, j);
    }
}
