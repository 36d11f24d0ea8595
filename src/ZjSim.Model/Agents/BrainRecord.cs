namespace ZjSim.Model.Agents;

/// <summary>An industry brain's state: the sector it serves, the year it was launched, and the enterprises it has connected.</summary>
public sealed record BrainRecord(int Sector, int LaunchYear, long Connected)
{
    /// <summary>
    /// The brain's year: the enterprises it connected last year added to its count. A brain is its own agent: it holds
    /// this record (in a brain grain, or in the in-thread host's ledger) and the replication reads it back each year.
    /// </summary>
    public BrainRecord Connect(long added) => added == 0 ? this : this with { Connected = Connected + added };
}
