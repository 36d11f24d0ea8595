using OpenTelemetry.Trace;

namespace ZjSim.Hosting.Telemetry;

/// <summary>
/// Keeps a run's trace readable: drops Orleans' spans for the calls that would flood it (every enterprise
/// step, every cluster-year call, the client's progress polling, runtime housekeeping). Cluster steps appear instead as events
/// on the replication-year spans. Everything else is sampled as its parent is.
/// </summary>
internal sealed class TelemetrySampler : Sampler
{
    private static readonly string[] Flooding =
    [
        "IEnterpriseGrain/", "IClusterGrain/", "IIndustryBrainGrain/", "IRunGrain/GetProgress",
        // Periodic runtime housekeeping, each its own trace, unrelated to any run.
        "IMembershipTable/", "IGrainTimerInvoker/",
    ];

    private readonly Sampler _inner = new ParentBasedSampler(new AlwaysOnSampler());

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        foreach (var prefix in Flooding)
            if (parameters.Name.StartsWith(prefix, StringComparison.Ordinal))
                return new SamplingResult(SamplingDecision.Drop);
        return _inner.ShouldSample(parameters);
    }
}
