using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// An industry brain: launched in a year, serving the clusters the province's priority gave it. A run launches
/// thousands (a score per replication), and an idle activation costs kilobytes against a few hundred bytes for
/// the record in storage, so the brain keeps its record in the silo's brain storage and deactivates once
/// launched. Nothing reads the records back yet: they are the run's view of its brains, for a future report.
/// </summary>
internal sealed class IndustryBrainGrain(
    [PersistentState("brain", ServiceNames.BrainStorage)] IPersistentState<BrainState> state) : Grain, IIndustryBrainGrain
{
    public async Task Launch(int year, int[] servedClusters)
    {
        if (state.State.Record is not null) return;   // a retried launch keeps the first record
        state.State.Record = new BrainRecord(year, servedClusters);
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }
}
