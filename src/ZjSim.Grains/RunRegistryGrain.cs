using Microsoft.Extensions.Logging;
using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// The finished runs of a service, oldest first, in storage. Forgetting goes through here so the list and the
/// storage agree; a run grain never calls back into the registry while the registry calls it.
/// </summary>
internal sealed class RunRegistryGrain(
    IGrainFactory grains,
    ILogger<RunRegistryGrain> logger,
    [PersistentState("registry", ServiceNames.Storage)] IPersistentState<RunRegistryState> state) : Grain, IRunRegistryGrain
{
    public async Task Finished(string runId, int? keep)
    {
        var runs = state.State.Finished;
        if (!runs.Contains(runId)) runs.Add(runId);
        await state.WriteStateAsync();
        if (keep is not int n) return;
        while (runs.Count > Math.Max(1, n))
        {
            string oldest = runs[0];
            var outcome = await grains.GetGrain<IRunGrain>(oldest).Forget();
            logger.LogInformation("Run {RunId}: {Outcome} (keeping the newest {Keep} finished runs)", oldest, outcome, n);
            runs.RemoveAt(0);
            await state.WriteStateAsync();
        }
    }

    public async Task<ForgetOutcome> Forget(string runId)
    {
        var outcome = await grains.GetGrain<IRunGrain>(runId).Forget();
        if (state.State.Finished.Remove(runId)) await state.WriteStateAsync();
        return outcome;
    }

    public Task<string[]> Kept() => Task.FromResult(state.State.Finished.ToArray());
}

/// <summary>The registry's stored list.</summary>
[GenerateSerializer, Alias("ZjSim.RunRegistryState")]
internal sealed class RunRegistryState
{
    [Id(0)] public List<string> Finished { get; set; } = [];
}
