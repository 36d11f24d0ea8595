using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// An industry brain: launched in a year, serving the clusters the province's priority gave it. A run launches
/// thousands (a score per replication), and an idle activation costs kilobytes against a few hundred bytes for
/// the record in storage, so the brain keeps its record in the silo's brain storage and deactivates once
/// launched; asking it later reactivates it from there.
/// </summary>
public sealed class IndustryBrainGrain(
    [PersistentState("brain", ServiceNames.BrainStorage)] IPersistentState<BrainState> state) : Grain, IIndustryBrainGrain
{
    public async Task Launch(int year, int[] servedClusters)
    {
        if (state.State.Record is not null) return;   // a retried launch keeps the first record
        state.State.Record = new BrainRecord(year, servedClusters);
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }

    public Task<BrainRecord?> Get() => Task.FromResult(state.State.Record);
}
