using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A cluster and its enterprises in the batch representation (one array per state variable), stepped
/// together: the `cluster` granularity. Enterprise-granularity grains apply the same rules one agent at a time.
/// </summary>
public sealed class ClusterPopulation
{
    private readonly WorldLayout _world;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly EnterpriseState[] _enterprises;

    public ClusterSpec Spec { get; }
    public ClusterCore Core { get; }

    public ClusterPopulation(WorldLayout world, ClusterSpec spec, ulong seed, int replication)
    {
        _world = world;
        _seed = seed;
        _replication = replication;
        Spec = spec;
        _enterprises = new EnterpriseState[spec.EnterpriseCount];
        for (int i = 0; i < _enterprises.Length; i++)
            _enterprises[i] = EnterpriseRules.Initialize(spec.FirstEnterpriseId + i, spec, world, seed, replication);
        Core = new ClusterCore(world, spec, seed, replication, Tally());
    }

    public ClusterReport InitialReport => Core.Report(_world.Parameters.Years.BaseYear, 0);

    public ClusterReport StepYear(int year, bool brainServed)
    {
        var ctx = Core.BeginYear(year, brainServed);
        var prm = _world.Parameters;
        for (int i = 0; i < _enterprises.Length; i++)
            EnterpriseRules.Step(ref _enterprises[i], Spec.FirstEnterpriseId + i, ctx, prm.SmartFactory, prm.FutureFactory, _seed, _replication);
        return Core.EndYear(year, Tally());
    }

    public EnterpriseState this[int localIndex] => _enterprises[localIndex];

    private ClusterTally Tally()
    {
        var t = new ClusterTally();
        foreach (ref readonly var e in _enterprises.AsSpan()) t.Add(e);
        return t;
    }
}
