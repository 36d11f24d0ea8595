using ZjSim.GrainInterfaces;
using ZjSim.Grains.Telemetry;
using ZjSim.Model;

namespace ZjSim.Grains;

/// <summary>
/// Collects a run's replication outcomes (keyed by replication, so a retried replication is counted once),
/// counts, per goal, the replications that met it, and publishes each yearly indicator's running mean as a gauge.
/// </summary>
public sealed class AggregatorGrain : Grain, IAggregatorGrain
{
    private readonly SortedDictionary<int, ReplicationOutcome> _outcomes = [];
    private double[]? _sums;

    public Task Record(Immutable<ReplicationOutcome> outcome)
    {
        var o = outcome.Value;
        if (_outcomes.TryGetValue(o.Replication, out var previous)) Accumulate(previous.Indicators, -1);
        _outcomes[o.Replication] = o;
        Accumulate(o.Indicators, +1);
        PublishMeans(o);
        return Task.CompletedTask;
    }

    public Task<GoalTally[]> GoalTallies()
    {
        if (_outcomes.Count == 0) return Task.FromResult(Array.Empty<GoalTally>());
        var first = _outcomes.Values.First().Goals;
        var tallies = first.Select((g, i) => new GoalTally(g.Goal, g.Target, _outcomes.Values.Count(o => o.Goals[i].Met), _outcomes.Count));
        return Task.FromResult(tallies.ToArray());
    }

    public Task<Immutable<ReplicationOutcome[]>> Outcomes() => Task.FromResult(_outcomes.Values.ToArray().AsImmutable());

    private void Accumulate(IndicatorTable t, int sign)
    {
        _sums ??= new double[t.Values.Length];
        for (int i = 0; i < t.Values.Length; i++)
            if (!double.IsNaN(t.Values[i])) _sums[i] += sign * t.Values[i];
    }

    private void PublishMeans(ReplicationOutcome latest)
    {
        if (!ZjSimTelemetry.Indicator.Enabled || _sums is null) return;
        var t = latest.Indicators;
        for (int year = t.FirstYear; year <= t.LastYear; year++)
            foreach (var indicator in Indicators.All)
            {
                int index = (year - t.FirstYear) * IndicatorTable.IndicatorCount + (int)indicator;
                if (double.IsNaN(t.Values[index])) continue;
                ZjSimTelemetry.Indicator.Record(_sums[index] / _outcomes.Count,
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Scenario, latest.Scenario),
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Indicator, indicator.Name()),
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Year, year));
            }
    }
}
