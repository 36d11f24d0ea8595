namespace ZjSim.GrainInterfaces;

/// <summary>
/// The finished runs a service keeps (key 0), oldest first: `zjsim forget` removes one, and a silo started with
/// --keep-runs N forgets the oldest beyond the newest N as each run finishes.
/// </summary>
[Alias("ZjSim.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>A run finished; with <paramref name="keep"/>, forget the oldest finished runs beyond that many.</summary>
    [Alias("Finished")] Task Finished(string runId, int? keep);

    /// <summary>Removes the run's state and outcomes from storage, if it has finished.</summary>
    [Alias("Forget")] Task<ForgetOutcome> Forget(string runId);

    /// <summary>The finished runs kept, oldest first.</summary>
    [Alias("Kept")] Task<string[]> Kept();
}
