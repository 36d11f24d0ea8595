using ZjSim.GrainInterfaces;
using ZjSim.Model.Agents;

namespace ZjSim.Grains;

/// <summary>
/// An industry brain of a lane, in every replication of the lane's current batch. Its records are a pure function of
/// the replication, so they live in memory only: a lost silo loses nothing a retried batch does not make again (the
/// replication that finds its record gone fails and the batch starts over), and a finished lane releases them.
/// </summary>
internal sealed class IndustryBrainGrain : Grain, IIndustryBrainGrain
{
    private readonly Dictionary<int, (BrainRecord Record, int Year)> _records = [];
    private int _batch = -1;

    public Task<Immutable<BrainRecord[]>> Step(int batch, int year, Immutable<BrainYear[]> work)
    {
        if (batch != _batch) { _records.Clear(); _batch = batch; }
        var records = new BrainRecord[work.Value.Length];
        for (int i = 0; i < records.Length; i++)
        {
            var w = work.Value[i];
            if (w.LaunchedSector >= 0)
                _records[w.Replication] = (new BrainRecord(w.LaunchedSector, year, 0), year);
            else if (!_records.TryGetValue(w.Replication, out var held))
                throw new ReplicationStateLostException($"brain grain {this.GetPrimaryKeyString()} holds no brain of replication {w.Replication}");
            else if (held.Year < year)   // a retried call of the same year adds nothing twice
                _records[w.Replication] = (held.Record.Connect(w.Connected), year);
            records[i] = _records[w.Replication].Record;
        }
        return Task.FromResult(records.AsImmutable());
    }

    public Task Release()
    {
        _records.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
