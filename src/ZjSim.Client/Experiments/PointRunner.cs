using ZjSim.Client.Commands;
using ZjSim.Hosting;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Experiments;

/// <summary>
/// Runs parameter points as ordinary runs through the run grain (Simulator), a wave of points at a time, so the
/// replications of a wave spread over every silo of a cluster. Each point's run is the base run's request with the
/// point's parameters and a run id of its own; the seed is the base run's, so replication r of every point draws
/// the same streams (common random numbers).
/// </summary>
public sealed class PointRunner(ISimulationHost host, RunPlan basePlan, string runId, Action<string> onRetry)
{
    /// <summary>The most replications of a point in one batch (a lane call carries them all).</summary>
    public const int PointBatch = 32;

    /// <summary>Points in flight by default: as many as the lanes a run uses (<see cref="RunPlan.DefaultLanes"/>), since each point is one lane.</summary>
    public static int DefaultPointsInFlight => RunPlan.DefaultLanes;

    public int IndicatorYear => basePlan.Scenario.Parameters.Years.EndYear;

    public RunPlan PlanFor(Scenario scenario, string pointRunId, ulong? seed = null, int? replications = null) => basePlan with
    {
        Scenario = scenario,
        Request = basePlan.Request with
        {
            RunId = pointRunId,
            ScenarioName = scenario.Name,
            ParametersJson = scenario.RequestJson,
            ScenarioHash = scenario.Hash,
            Seed = seed ?? basePlan.Request.Seed,
            Replications = replications ?? basePlan.Request.Replications,
            // A point is one lane running its replications as one batch (the fewest calls); the points in flight
            // keep the cores busy. Results do not depend on lanes or batches.
            MaxConcurrentReplications = 1,
            ReplicationsPerCall = Math.Min(replications ?? basePlan.Request.Replications, PointBatch),
        },
    };

    /// <summary>
    /// Runs the points; each finished point goes to onPoint as soon as its wave ends. Returns false if cancelled
    /// (the points of the wave that were not finished are dropped, the others kept).
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<(int Point, double[] Values, Scenario Scenario)> points, int wave,
        Action<PointResult> onPoint, Action<int> onProgress, CancellationToken cancellation)
    {
        int done = 0;
        for (int start = 0; start < points.Count; start += wave)
        {
            if (cancellation.IsCancellationRequested) return false;
            var batch = points.Skip(start).Take(wave).ToList();
            var plans = batch.Select(p => PlanFor(p.Scenario, $"{runId}/p{p.Point}")).ToList();
            var completed = new int[plans.Count];
            var sims = await Simulator.RunAsync(host, plans, (i, progress) =>
            {
                completed[i] = progress.Finished && progress.Error is null ? 1 : 0;
                onProgress(done + completed.Sum());
            }, cancellation, onRetry);
            bool cut = false;
            for (int i = 0; i < sims.Length; i++)
            {
                if (sims[i].Outcomes.Length != plans[i].Request.Replications) { cut = true; continue; }
                onPoint(ToPoint(batch[i].Point, batch[i].Values, sims[i].Outcomes));
                done++;
            }
            onProgress(done);
            if (cut || sims.Any(s => s.Partial)) return false;
        }
        return true;
    }

    public PointResult ToPoint(int point, double[] values, IEnumerable<ReplicationOutcome> outcomes) =>
        new(point, values, outcomes.OrderBy(o => o.Replication).Select(o => new ReplicationRow(
            o.Replication,
            Indicators.All.Select(i => o.Indicators[IndicatorYear, i]).ToArray(),
            o.Goals.Select(g => g.Met).ToArray())).ToArray());
}
