namespace ZjSim.GrainInterfaces;

/// <summary>
/// One run (keyed by run id): starts the replications, bounded in number at a time, and reports progress.
/// Start returns at once; the client polls GetProgress, then reads results from the run's aggregator.
/// The request and the outcome of every finished replication are kept in grain storage, so when the run's
/// silo dies the next call resumes the run elsewhere without redoing finished replications.
/// </summary>
[Alias("ZjSim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run; idempotent: a Start with the same request resumes or leaves alone, never reruns.</summary>
    [Alias("Start")] Task Start(Immutable<RunRequest> request);
    [Alias("GetProgress")] Task<RunProgress> GetProgress();
    /// <summary>Starts no further replications; those in flight finish and are kept.</summary>
    [Alias("Cancel")] Task Cancel();
    /// <summary>The request the run was started with, or null if no run has this id (for `zjsim attach`).</summary>
    [Alias("GetRequest")] Task<RunRequest?> GetRequest();
    /// <summary>Removes a finished run's state and outcomes from storage (through <see cref="IRunRegistryGrain.Forget"/>).</summary>
    [Alias("Forget")] Task<ForgetOutcome> Forget();
}
