using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The industry brains of one replication: each brain's sector and launch year, brains pending delivery, and each
/// sector's connected enterprises. Launches follow <see cref="BrainRule"/>: the plan first, then demand.
/// </summary>
public sealed class BrainNetwork
{
    private readonly WorldLayout _world;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly List<(int Sector, int Year)> _brains = [];
    private int _pending;

    public int Count => _brains.Count;
    /// <summary>[sector]: brains serving it.</summary>
    public int[] BySector { get; }
    /// <summary>[sector]: enterprises connected at the start of the year (simulated world).</summary>
    public long[] Connected { get; }

    public BrainNetwork(WorldLayout world, ulong seed, int replication, IReadOnlyList<ClusterReport> baseYear)
    {
        _world = world;
        _seed = seed;
        _replication = replication;
        BySector = new int[world.Sectors.Count];
        Connected = new long[world.Sectors.Count];
        var demand = Demand(baseYear);
        for (int k = 0; k < world.Parameters.Brains.Initial; k++) Add(BrainRule.SectorFor(demand, BySector), world.Parameters.Years.BaseYear);
    }

    /// <summary>This year's launches, each as the sector it serves: planned deliveries, then demand.</summary>
    public IReadOnlyList<int> Launch(int year, IReadOnlyList<ClusterReport> start)
    {
        var prm = _world.Parameters;
        var demand = Demand(start);
        var launched = new List<int>();
        _pending += prm.Brains.PlannedIn(year);
        int delivered = BrainRule.Delivered(prm, _pending, year, _seed, _replication);
        _pending -= delivered;
        for (int k = 0; k < delivered; k++)
        {
            int sector = BrainRule.SectorFor(demand, BySector);
            Add(sector, year);
            launched.Add(sector);
        }
        for (int s = 0; s < BySector.Length; s++)
            if (BrainRule.DemandLaunches(prm.Brains, _world.Scale, demand[s], BySector[s], s, year, _seed, _replication))
            {
                Add(s, year);
                launched.Add(s);
            }
        return launched;
    }

    /// <summary>[sector]: probability of connecting a connectable enterprise this year, and the boost a connected one gets.</summary>
    public (double[] Onboard, double[] Effect) Service(IReadOnlyList<ClusterReport> start)
    {
        var b = _world.Parameters.Brains;
        var connectable = new long[BySector.Length];
        Array.Clear(Connected);
        foreach (var r in start)
        {
            int s = _world.Clusters[r.ClusterIndex].SectorIndex;
            connectable[s] += r.Tally.Connectable;
            Connected[s] += r.Tally.Onboarded;
        }
        var onboard = new double[BySector.Length];
        var effect = new double[BySector.Length];
        for (int s = 0; s < BySector.Length; s++)
        {
            onboard[s] = BrainRule.Onboard(b, _world.Scale, BySector[s], connectable[s]);
            effect[s] = BySector[s] == 0 ? 0 : BrainRule.Effect(b, _world.Scale, Connected[s]);
        }
        return (onboard, effect);
    }

    /// <summary>Clusters in sectors a brain serves.</summary>
    public int ClustersServed => _world.Clusters.Count(c => BySector[c.SectorIndex] > 0);

    private void Add(int sector, int year)
    {
        _brains.Add((sector, year));
        BySector[sector]++;
    }

    /// <summary>[sector]: enterprises at level 2 or above (the demand for a brain).</summary>
    private long[] Demand(IReadOnlyList<ClusterReport> reports)
    {
        var demand = new long[_world.Sectors.Count];
        foreach (var r in reports) demand[_world.Clusters[r.ClusterIndex].SectorIndex] += r.Tally.AtLeast(MaturityLevel.Networked);
        return demand;
    }
}
