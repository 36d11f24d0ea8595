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
/// A lane of a run: replications one after another on the same cluster grains. Each advances year by year:
/// brains launch, every cluster steps (one call per cluster-year, all clusters at once), the province
/// combines their reports in cluster order, goals are checked. Traced as a replication span with a span per
/// year and a goal-check span.
/// A replication is a pure function of (request, replication): when any of its grains dies with a silo, the
/// run grain simply calls Run again and it starts over from the base year, on the cluster grains of a new
/// attempt (a failed attempt's grains may hold any state, or be half-gone).
/// </summary>
public sealed class ReplicationGrain(IGrainFactory grains, WorldCache worlds) : Grain, IReplicationGrain
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
        try
        {
            long enterpriseYears = await RunYears(request, replication, world, goals, _attempt, _clusters);
            span?.SetTag(Tags.EnterpriseYears, enterpriseYears);
            return enterpriseYears;
        }
        catch
        {
            // Start the next replication on fresh grains; this attempt's are left to Orleans' idle collection.
            _attempt = null;
            _clusters = [];
            throw;
        }
    }

    private async Task<long> RunYears(Immutable<RunRequest> request, int replication, WorldLayout world, GoalSet goals,
        string attempt, IClusterGrain[] clusters)
    {
        var r = request.Value;
        var years = world.Parameters.Years;
        var table = new IndicatorTable(years.BaseYear, years.EndYear);
        var province = new ProvinceModel(world, r.Seed, replication);
        var scenarioTag = new KeyValuePair<string, object?>(Tags.Scenario, r.ScenarioName);

        ClusterReport[] reports;
        string[] silos;
        var bySilo = new Dictionary<string, long>();
        using (var init = Source.StartActivity("zjsim.year"))
        {
            init?.SetTag(Tags.Year, years.BaseYear).SetTag(Tags.Replication, replication);
            var starts = await Task.WhenAll(clusters.Select((g, i) => g.Initialize(request, replication, attempt, i)));
            silos = starts.Select(s => s.Silo).ToArray();
            reports = starts.Select(s => s.Report).ToArray();
            province.Observe(years.BaseYear, reports, table);
        }
        int brains = province.Brains;
        long enterpriseYears = 0;
        for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
        {
            using var yearSpan = Source.StartActivity("zjsim.year");
            yearSpan?.SetTag(Tags.Year, year).SetTag(Tags.Replication, replication);
            var launches = province.LaunchBrains(year);
            await Task.WhenAll(launches.Select((served, k) =>
                grains.GetGrain<IIndustryBrainGrain>(GrainKeys.Brain(r.RunId, replication, brains + k)).Launch(year, served)));
            brains += launches.Count;

            // Task.WhenAll keeps input order, so reports are combined in cluster order whatever finishes first.
            reports = await Task.WhenAll(clusters.Select((g, i) => g.Step(year, province.BrainServed[i])));
            province.Observe(year, reports, table);
            long yearEnterpriseYears = 0;
            foreach (var c in reports)
            {
                yearEnterpriseYears += c.EnterpriseYears;
                bySilo[silos[c.ClusterIndex]] = bySilo.GetValueOrDefault(silos[c.ClusterIndex]) + c.EnterpriseYears;
            }
            enterpriseYears += yearEnterpriseYears;
            EnterpriseYears.Add(yearEnterpriseYears, scenarioTag);
            if (yearSpan is not null)
            {
                yearSpan.SetTag(Tags.EnterpriseYears, yearEnterpriseYears).SetTag("zjsim.brains_launched", launches.Count);
                if (replication == TracedClusterStepsReplication)
                    foreach (var c in reports)
                        yearSpan.AddEvent(new ActivityEvent("zjsim.cluster_step", tags: new ActivityTagsCollection
                        {
                            [Tags.Cluster] = world.Clusters[c.ClusterIndex].Name,
                            [Tags.EnterpriseYears] = c.EnterpriseYears,
                            ["zjsim.output"] = c.Output,
                            ["zjsim.has_platform"] = c.HasPlatform,
                        }));
            }
        }

        var results = CheckGoals(goals, table, world.Scale);
        var outcome = new ReplicationOutcome(replication, table, results, enterpriseYears, r.ScenarioName, bySilo);
        await grains.GetGrain<IAggregatorGrain>(r.RunId).Record(outcome.AsImmutable());
        return enterpriseYears;
    }

    public async Task Release()
    {
        var clusters = _clusters;
        _attempt = null;
        _clusters = [];
        await Task.WhenAll(clusters.Select(g => g.Release()));
        DeactivateOnIdle();
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
