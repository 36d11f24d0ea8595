namespace ZjSim.GrainInterfaces;

/// <summary>
/// A joint sample (the posterior, or a calibration batch's candidates), keyed by the SHA-256 of its JSON, kept in grain
/// storage: the client stores it once before the runs that draw from it start, and each silo's world cache fetches it
/// once, so the rows never travel with a run's calls. Content-addressed, so storing it again changes nothing.
/// </summary>
[Alias("ZjSim.IJointSampleGrain")]
public interface IJointSampleGrain : IGrainWithStringKey
{
    [Alias("IsStored")] Task<bool> IsStored();

    /// <summary>Stores the sample; its JSON must hash to the grain's key.</summary>
    [Alias("Store")] Task Store(Immutable<string> json);

    /// <summary>The sample's JSON; fails if it was never stored.</summary>
    [Alias("Get")] Task<Immutable<string>> Get();
}
