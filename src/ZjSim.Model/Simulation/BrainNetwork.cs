using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The province's view of its industry brains in one replication. The brains themselves hold their records (sector,
/// launch year, enterprises connected) where the host keeps them — brain grains, or <see cref="BrainLedger"/> in this
/// thread — and the network reads them back each year (<see cref="Read"/>). It decides launches (<see cref="BrainRule"/>:
/// the plan first, then demand), the year's connection probability and effect per sector, and, after the year, which
/// brain made the sector's new connections.
/// </summary>
public sealed class BrainNetwork(WorldLayout world, ulong seed, int replication)
{
    private IReadOnlyList<BrainRecord> _records = [];
    private int _pending;

    public int Count => _records.Count;
    /// <summary>[sector]: brains serving it, as last read.</summary>
    public int[] BySector { get; } = new int[world.Sectors.Count];
    /// <summary>[sector]: enterprises its brains have connected, as last read.</summary>
    public long[] ConnectedBySector { get; } = new long[world.Sectors.Count];

    /// <summary>The base year's brains, each as the sector it serves: to the sectors with the most demand per brain.</summary>
    public IReadOnlyList<int> Initial(IReadOnlyList<ClusterReport> baseYear)
    {
        var demand = Demand(baseYear);
        var bySector = new int[BySector.Length];
        var sectors = new List<int>();
        for (int k = 0; k < world.Parameters.Brains.Initial; k++)
        {
            int s = BrainRule.SectorFor(demand, bySector);
            bySector[s]++;
            sectors.Add(s);
        }
        return sectors;
    }

    /// <summary>This year's launches, each as the sector it serves: planned deliveries, then demand.</summary>
    public IReadOnlyList<int> Launch(int year, IReadOnlyList<ClusterReport> start)
    {
        var prm = world.Parameters;
        var demand = Demand(start);
        var bySector = (int[])BySector.Clone();
        var launched = new List<int>();
        _pending += prm.Brains.PlannedIn(year);
        int delivered = BrainRule.Delivered(prm, _pending, year, seed, replication);
        _pending -= delivered;
        for (int k = 0; k < delivered; k++)
        {
            int sector = BrainRule.SectorFor(demand, bySector);
            bySector[sector]++;
            launched.Add(sector);
        }
        for (int s = 0; s < bySector.Length; s++)
            if (BrainRule.DemandLaunches(prm.Brains, world.Scale, demand[s], bySector[s], s, year, seed, replication))
            {
                bySector[s]++;
                launched.Add(s);
            }
        return launched;
    }

    /// <summary>Takes the brains' records as they hold them.</summary>
    public void Read(IReadOnlyList<BrainRecord> records)
    {
        _records = records;
        Array.Clear(BySector);
        Array.Clear(ConnectedBySector);
        foreach (var b in records)
        {
            BySector[b.Sector]++;
            ConnectedBySector[b.Sector] += b.Connected;
        }
    }

    /// <summary>[sector]: probability of connecting a connectable enterprise this year, and the boost a connected one gets.</summary>
    public (double[] Onboard, double[] Effect) Service(IReadOnlyList<ClusterReport> start)
    {
        var b = world.Parameters.Brains;
        var connectable = new long[BySector.Length];
        foreach (var r in start) connectable[world.Clusters[r.ClusterIndex].SectorIndex] += r.Tally.Connectable;
        var onboard = new double[BySector.Length];
        var effect = new double[BySector.Length];
        for (int s = 0; s < BySector.Length; s++)
        {
            onboard[s] = BrainRule.Onboard(b, world.Scale, BySector[s], connectable[s]);
            effect[s] = BySector[s] == 0 ? 0 : BrainRule.Effect(b, world.Scale, ConnectedBySector[s]);
        }
        return (onboard, effect);
    }

    /// <summary>
    /// [brain]: the enterprises each brain connected this year: its sector's new connections (connected at the end of
    /// the year less what its brains had), shared evenly among the sector's brains, the remainder to the first ones.
    /// </summary>
    public long[] Connections(IReadOnlyList<ClusterReport> end)
    {
        var added = new long[BySector.Length];
        foreach (var r in end) added[world.Clusters[r.ClusterIndex].SectorIndex] += r.Tally.Onboarded;
        for (int s = 0; s < added.Length; s++) added[s] -= ConnectedBySector[s];
        var byBrain = new long[_records.Count];
        var seen = new int[BySector.Length];
        for (int k = 0; k < _records.Count; k++)
        {
            int s = _records[k].Sector;
            long share = added[s] / BySector[s], remainder = added[s] % BySector[s];
            byBrain[k] = share + (seen[s]++ < remainder ? 1 : 0);
        }
        return byBrain;
    }

    /// <summary>Clusters in sectors a brain serves.</summary>
    public int ClustersServed => world.Clusters.Count(c => BySector[c.SectorIndex] > 0);

    /// <summary>[sector]: enterprises at level 2 or above (the demand for a brain).</summary>
    private long[] Demand(IReadOnlyList<ClusterReport> reports)
    {
        var demand = new long[world.Sectors.Count];
        foreach (var r in reports) demand[world.Clusters[r.ClusterIndex].SectorIndex] += r.Tally.AtLeast(MaturityLevel.Networked);
        return demand;
    }
}
