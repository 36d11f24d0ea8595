using ZjSim.GrainInterfaces;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Grains;

/// <summary>A stored joint sample (<see cref="IJointSampleGrain"/>); in storage so that it outlives the silo it was stored on.</summary>
internal sealed class JointSampleGrain(
    [PersistentState("sample", ServiceNames.Storage)] IPersistentState<JointSampleState> state) : Grain, IJointSampleGrain
{
    public Task<bool> IsStored() => Task.FromResult(state.State.Json is not null);

    public async Task Store(Immutable<string> json)
    {
        if (state.State.Json is not null) return;
        string key = this.GetPrimaryKeyString();
        if (StoredJointSample.KeyOf(json.Value) != key)
            throw new ArgumentException($"the joint sample given does not hash to its key {key}");
        state.State.Json = json.Value;
        await state.WriteStateAsync();
    }

    public Task<Immutable<string>> Get() => state.State.Json is string json
        ? Task.FromResult(json.AsImmutable())
        : throw new InvalidOperationException($"no joint sample is stored under {this.GetPrimaryKeyString()}: the client stores it before the run starts");
}
