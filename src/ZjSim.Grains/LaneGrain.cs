using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.GrainInterfaces.Telemetry;
using ZjSim.Model;
using ZjSim.Model.Goals;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;
using static ZjSim.GrainInterfaces.Telemetry.ZjSimTelemetry;

namespace ZjSim.Grains;

/// <summary>
/// A lane of a run: batches of replications one after another on the same cluster grains. The replications of a batch
/// each follow the model's <see cref="YearSchedule"/> and share their calls (<see cref="LaneBatch"/>): one call per
/// cluster-year for the whole batch, one call per brain grain and year. Then the goals are checked and the batch's
/// outcomes go to the aggregator in one call. Each replication is traced as a replication span with a span per year
/// and a goal-check span.
/// A replication is a pure function of (request, replication): when any of its grains dies with a silo, the run grain
/// calls Run again and the batch starts over from the base year, on the cluster grains of a new attempt (a failed
/// attempt's grains may hold any state, or be half-gone).
/// </summary>
internal sealed class LaneGrain(IGrainFactory grains, WorldCache worlds) : Grain, ILaneGrain
{
    private string? _attempt;
    private IClusterGrain[] _clusters = [];
    private readonly HashSet<int> _brains = [];
    private int _batches;
    // The last batch failed: its attempt's grains may hold any state; the next batch releases them and starts afresh.
    private bool _abandoned;

    /// <summary>Cluster steps are recorded as events on the year spans of this replication only, so traces stay small.</summary>
    public const int TracedClusterStepsReplication = 0;

    public async Task<long[]> Run(Immutable<RunRequest> request, int[] replications)
    {
        var r = request.Value;
        var setups = new (WorldLayout World, GoalSet Goals, double[] Drawn)[replications.Length];
        for (int i = 0; i < setups.Length; i++) setups[i] = await worlds.Resolve(r, replications[i]);
        int clusterCount = setups[0].World.Clusters.Count;
        if (setups.Any(s => s.World.Clusters.Count != clusterCount))
        {
            // Drawn parameters that change the world's clusters cannot share cluster grains: one at a time.
            var each = new List<long>();
            foreach (int k in replications) each.AddRange(await Run(request, [k]));
            return [.. each];
        }
        if (_abandoned || _attempt is null || _clusters.Length != clusterCount)
        {
            await ReleaseGrains();
            _abandoned = false;
            _attempt = GrainKeys.Attempt();
            _clusters = Enumerable.Range(0, clusterCount)
                .Select(i => grains.GetGrain<IClusterGrain>(GrainKeys.Cluster(this.GetPrimaryKeyString(), _attempt, i)))
                .ToArray();
        }
        var batch = new LaneBatch(grains, request, replications, _batches++, this.GetPrimaryKeyString(), _attempt, _clusters);
        try
        {
            var outcomes = await Task.WhenAll(replications.Select((k, i) => RunOne(request, batch, i, k, setups[i].World, setups[i].Goals, setups[i].Drawn)));
            await grains.GetGrain<IAggregatorGrain>(r.RunId).Record(outcomes.AsImmutable());
            foreach (int k in replications) worlds.Forget(r, k);
            return outcomes.Select(o => o.EnterpriseYears).ToArray();
        }
        catch
        {
            // The next batch starts on fresh grains, after releasing this attempt's (not left to idle collection).
            _abandoned = true;
            throw;
        }
    }

    private async Task<ReplicationOutcome> RunOne(Immutable<RunRequest> request, LaneBatch batch, int k, int replication, WorldLayout world, GoalSet goals,
        double[] drawn)
    {
        var r = request.Value;
        using var span = Source.StartActivity("zjsim.replication");
        span?.SetTag(Tags.RunId, r.RunId).SetTag(Tags.Scenario, r.ScenarioName).SetTag(Tags.Seed, (long)r.Seed)
            .SetTag(Tags.Replication, replication).SetTag(Tags.Granularity, r.Granularity.ToString().ToLowerInvariant());
        var host = new Host(batch, k, replication, world, r.ScenarioName, _brains, r.KeepByCluster);
        try
        {
            var table = await YearSchedule.Run(world, r.Seed, replication, host);
            var results = CheckGoals(goals, table, world.Scale);
            span?.SetTag(Tags.EnterpriseYears, host.EnterpriseYears);
            return new ReplicationOutcome(replication, table, results, host.EnterpriseYears, r.ScenarioName, host.BySilo(batch.Silos), drawn, host.ByCluster);
        }
        catch (Exception e)
        {
            batch.Fail(e);
            throw;
        }
        finally
        {
            host.EndYear();
        }
    }

    public async Task Release()
    {
        await ReleaseGrains();
        _attempt = null;
        DeactivateOnIdle();
    }

    private async Task ReleaseGrains()
    {
        var clusters = _clusters;
        var brains = _brains.ToArray();
        var attempt = _attempt;
        _clusters = [];
        _brains.Clear();
        if (attempt is null) return;
        try
        {
            await Task.WhenAll(clusters.Select(g => g.Release())
                .Concat(brains.Select(b => grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(this.GetPrimaryKeyString(), attempt, b)).Release())));
        }
        catch (Exception)
        {
            // Cleanup only: a grain on a silo that died is gone already, or comes back empty and idle and is
            // collected; a failed release must not fail the batch that follows.
        }
    }

    /// <summary>One replication's host for the schedule: its share of the batch's calls, a span per year, its work per silo.</summary>
    private sealed class Host(LaneBatch batch, int k, int replication, WorldLayout world, string scenario, HashSet<int> brainsUsed, bool keepByCluster) : IReplicationHost
    {
        /// <summary>The replication's per-cluster-per-year quantities, kept only when the request asks for them.</summary>
        public ClusterYears? ByCluster { get; } = keepByCluster
            ? new ClusterYears(world.Parameters.Years.BaseYear, world.Parameters.Years.EndYear, world.Clusters.Count) : null;

        private readonly KeyValuePair<string, object?> _scenarioTag = new(Tags.Scenario, scenario);
        private readonly long[] _byCluster = new long[world.Clusters.Count];
        private Activity? _year;

        public long EnterpriseYears { get; private set; }

        public async ValueTask<IReadOnlyList<ClusterReport>> StartClusters() => await batch.Start(k);

        public async ValueTask<IReadOnlyList<ClusterReport>> StepClusters(int year, IReadOnlyList<ZjSim.Model.Rules.ClusterDirective> directives) =>
            await batch.Step(k, year, directives);

        public async ValueTask<IReadOnlyList<ZjSim.Model.Agents.BrainRecord>> StepBrains(int year, IReadOnlyList<int> launchedSectors, IReadOnlyList<long> connectionsByBrain)
        {
            var records = await batch.StepBrains(k, year, launchedSectors, connectionsByBrain);
            for (int b = 0; b < records.Count; b++) brainsUsed.Add(b);
            return records;
        }

        public void YearBegins(int year) =>
            _year = Source.StartActivity("zjsim.year")?.SetTag(Tags.Year, year).SetTag(Tags.Replication, replication);

        public void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched)
        {
            ByCluster?.Record(year, reports);
            if (year > world.Parameters.Years.BaseYear)
            {
                long yearEnterpriseYears = 0;
                foreach (var c in reports)
                {
                    yearEnterpriseYears += c.EnterpriseYears;
                    _byCluster[c.ClusterIndex] += c.EnterpriseYears;
                }
                EnterpriseYears += yearEnterpriseYears;
                ZjSimTelemetry.EnterpriseYears.Add(yearEnterpriseYears, _scenarioTag);
                if (_year is not null)
                {
                    _year.SetTag(Tags.EnterpriseYears, yearEnterpriseYears).SetTag("zjsim.brains_launched", brainsLaunched);
                    if (replication == TracedClusterStepsReplication)
                        foreach (var c in reports)
                            _year.AddEvent(new ActivityEvent("zjsim.cluster_step", tags: new ActivityTagsCollection
                            {
                                [Tags.Cluster] = world.Clusters[c.ClusterIndex].Name,
                                [Tags.EnterpriseYears] = c.EnterpriseYears,
                                ["zjsim.output"] = c.Output,
                                ["zjsim.has_platform"] = c.HasPlatform,
                            }));
                }
            }
            EndYear();
        }

        /// <summary>Ends the year's span, also when a step failed part-way.</summary>
        public void EndYear()
        {
            _year?.Dispose();
            _year = null;
        }

        /// <summary>Enterprise-years by the silo that stepped them.</summary>
        public Dictionary<string, long> BySilo(string[] silos)
        {
            var bySilo = new Dictionary<string, long>();
            for (int i = 0; i < _byCluster.Length; i++)
                bySilo[silos[i]] = bySilo.GetValueOrDefault(silos[i]) + _byCluster[i];
            return bySilo;
        }
    }

    private static GoalResult[] CheckGoals(GoalSet goals, IndicatorTable table, double scale)
    {
        using var span = Source.StartActivity("zjsim.goal_check");
        var results = goals.Evaluate(table, scale).ToArray();
        if (span is not null)
        {
            span.SetTag(Tags.GoalsMet, results.Count(g => g.Met));
            foreach (var g in results)
                span.AddEvent(new ActivityEvent("zjsim.goal", tags: new ActivityTagsCollection
                {
                    [Tags.Goal] = g.Goal, [Tags.Target] = g.Target, [Tags.Value] = g.Value, [Tags.Met] = g.Met,
                }));
        }
        return results;
    }
}
