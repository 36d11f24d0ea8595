using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// Collects a run's replication outcomes (keyed by replication, so a retried replication is counted once)
/// and counts, per goal, the replications that met it.
/// </summary>
public sealed class AggregatorGrain : Grain, IAggregatorGrain
{
    private readonly SortedDictionary<int, ReplicationOutcome> _outcomes = [];

    public Task Record(Immutable<ReplicationOutcome> outcome)
    {
        _outcomes[outcome.Value.Replication] = outcome.Value;
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
}
