namespace ZjSim.GrainInterfaces;

/// <summary>
/// One run (keyed by run id): starts the replications, bounded in number at a time, and reports progress.
/// Start returns at once; the client polls GetProgress, then reads results from the run's aggregator.
/// </summary>
[Alias("ZjSim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    [Alias("Start")] Task Start(Immutable<RunRequest> request);
    [Alias("GetProgress")] Task<RunProgress> GetProgress();
    /// <summary>Starts no further replications; those in flight finish and are kept.</summary>
    [Alias("Cancel")] Task Cancel();
}
