using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Grains.Telemetry;
using ZjSim.Model;
using ZjSim.Model.Goals;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;
using static ZjSim.Grains.Telemetry.ZjSimTelemetry;

namespace ZjSim.Grains;

/// <summary>
/// A lane of a run: replications one after another on the same cluster grains. Each follows the model's
/// <see cref="YearSchedule"/>, with this grain as its host: one call per cluster-year (all clusters at once), brain
/// launches to brain grains. Then the goals are checked and the outcome goes to the aggregator. Traced as a
/// replication span with a span per year and a goal-check span.
/// A replication is a pure function of (request, replication): when any of its grains dies with a silo, the
/// run grain simply calls Run again and it starts over from the base year, on the cluster grains of a new
/// attempt (a failed attempt's grains may hold any state, or be half-gone).
/// </summary>
public sealed class LaneGrain(IGrainFactory grains, WorldCache worlds) : Grain, ILaneGrain
{
    private string? _attempt;
    private IClusterGrain[] _clusters = [];

    /// <summary>Cluster steps are recorded as events on the year spans of this replication only, so traces stay small.</summary>
    public const int TracedClusterStepsReplication = 0;

    public async Task<long> Run(Immutable<RunRequest> request, int replication)
    {
        var r = request.Value;
        using var span = Source.StartActivity("zjsim.replication");
        span?.SetTag(Tags.RunId, r.RunId).SetTag(Tags.Scenario, r.ScenarioName).SetTag(Tags.Seed, (long)r.Seed)
            .SetTag(Tags.Replication, replication).SetTag(Tags.Granularity, r.Granularity.ToString().ToLowerInvariant());

        var (world, goals) = worlds.Get(r, replication);
        if (_attempt is null || _clusters.Length != world.Clusters.Count)
        {
            _attempt = GrainKeys.Attempt();
            _clusters = world.Clusters
                .Select(c => grains.GetGrain<IClusterGrain>(GrainKeys.Cluster(this.GetPrimaryKeyString(), _attempt, c.Index)))
                .ToArray();
        }
        var host = new Host(grains, request, replication, world, _attempt, _clusters);
        try
        {
            var table = await YearSchedule.Run(world, r.Seed, replication, host);
            var results = CheckGoals(goals, table, world.Scale);
            var outcome = new ReplicationOutcome(replication, table, results, host.EnterpriseYears, r.ScenarioName, host.BySilo);
            await grains.GetGrain<IAggregatorGrain>(r.RunId).Record(outcome.AsImmutable());
            span?.SetTag(Tags.EnterpriseYears, host.EnterpriseYears);
            return host.EnterpriseYears;
        }
        catch
        {
            // Start the next replication on fresh grains; this attempt's are left to Orleans' idle collection.
            _attempt = null;
            _clusters = [];
            throw;
        }
        finally
        {
            host.EndYear();
        }
    }

    public async Task Release()
    {
        var clusters = _clusters;
        _attempt = null;
        _clusters = [];
        await Task.WhenAll(clusters.Select(g => g.Release()));
        DeactivateOnIdle();
    }

    /// <summary>The schedule's host for one replication: cluster grains, brain grains, a span per year, the work per silo.</summary>
    private sealed class Host(IGrainFactory grains, Immutable<RunRequest> request, int replication, WorldLayout world,
        string attempt, IClusterGrain[] clusters) : IReplicationHost
    {
        private readonly KeyValuePair<string, object?> _scenarioTag = new(Tags.Scenario, request.Value.ScenarioName);
        private string[] _silos = [];
        private Activity? _year;

        public long EnterpriseYears { get; private set; }
        public Dictionary<string, long> BySilo { get; } = [];

        public async ValueTask<IReadOnlyList<ClusterReport>> StartClusters()
        {
            var starts = await Task.WhenAll(clusters.Select((g, i) => g.Initialize(request, replication, attempt, i)));
            _silos = starts.Select(s => s.Silo).ToArray();
            return starts.Select(s => s.Report).ToArray();
        }

        // Task.WhenAll keeps input order, so reports are combined in cluster order whatever finishes first.
        public async ValueTask<IReadOnlyList<ClusterReport>> StepClusters(int year, IReadOnlyList<bool> brainServed) =>
            await Task.WhenAll(clusters.Select((g, i) => g.Step(year, brainServed[i])));

        public async ValueTask LaunchBrains(int year, int firstBrain, IReadOnlyList<int[]> launches) =>
            await Task.WhenAll(launches.Select((served, k) =>
                grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(request.Value.RunId, replication, firstBrain + k)).Launch(year, served)));

        public void YearBegins(int year) =>
            _year = Source.StartActivity("zjsim.year")?.SetTag(Tags.Year, year).SetTag(Tags.Replication, replication);

        public void YearEnded(int year, IReadOnlyList<ClusterReport> reports, int brainsLaunched)
        {
            if (year > world.Parameters.Years.BaseYear)
            {
                long yearEnterpriseYears = 0;
                foreach (var c in reports)
                {
                    yearEnterpriseYears += c.EnterpriseYears;
                    BySilo[_silos[c.ClusterIndex]] = BySilo.GetValueOrDefault(_silos[c.ClusterIndex]) + c.EnterpriseYears;
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
