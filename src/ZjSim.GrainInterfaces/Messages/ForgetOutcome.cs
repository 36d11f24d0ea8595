namespace ZjSim.GrainInterfaces;

/// <summary>What `zjsim forget` (or a silo's retention limit) did with a run id.</summary>
[GenerateSerializer, Alias("ZjSim.ForgetOutcome")]
public enum ForgetOutcome
{
    /// <summary>The run's request, end and outcomes are gone from storage.</summary>
    Forgotten = 0,
    /// <summary>No run has this id (never started, or already forgotten).</summary>
    Unknown = 1,
    /// <summary>The run has not finished; it is left alone.</summary>
    Running = 2,
}
