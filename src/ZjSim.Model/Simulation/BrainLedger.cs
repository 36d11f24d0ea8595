using ZjSim.Model.Agents;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The brains of one replication held in this thread, as <see cref="ReplicationRunner"/>'s host keeps them: what a
/// lane's brain grains do one brain each. A year adds each brain's connections of last year, then appends the brains
/// launched this year; the records come back by brain number.
/// </summary>
public sealed class BrainLedger
{
    private readonly List<BrainRecord> _brains = [];

    public IReadOnlyList<BrainRecord> Step(int year, IReadOnlyList<int> launchedSectors, IReadOnlyList<long> connectionsByBrain)
    {
        if (connectionsByBrain.Count > _brains.Count)
            throw new ArgumentException($"connections for {connectionsByBrain.Count} brains, but only {_brains.Count} exist");
        for (int b = 0; b < connectionsByBrain.Count; b++) _brains[b] = _brains[b].Connect(connectionsByBrain[b]);
        foreach (int sector in launchedSectors) _brains.Add(new BrainRecord(sector, year, 0));
        return _brains.ToArray();
    }
}
