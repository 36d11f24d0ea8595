namespace ZjSim.Model.Scenarios;

/// <summary>Where a run takes the calibrated parameters from (`--parameters`).</summary>
public enum ParameterSource
{
    /// <summary>Each replication draws one joint particle of the posterior its scenario names (the default).</summary>
    Posterior,
    /// <summary>The posterior's weighted medians, the same in every replication: a quick look without parameter uncertainty.</summary>
    Median,
    /// <summary>Every uncertain parameter drawn from its prior (config/zhejiang/priors.json): what the model says before the record is read.</summary>
    Prior,
}
