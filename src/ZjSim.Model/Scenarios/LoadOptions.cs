namespace ZjSim.Model.Scenarios;

/// <summary>How a scenario is loaded beyond its own file: run settings and the extra layers of backtest and calibration.</summary>
public sealed record LoadOptions
{
    /// <summary>The --scale option, which overrides <c>world.scale</c>.</summary>
    public double? Scale { get; init; }

    /// <summary>Files in scenario-override form merged after the scenario, in order (a backtest's start year, calibration priors).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Overrides <c>years.end_year</c> (calibrate --through).</summary>
    public int? EndYear { get; init; }

    /// <summary>
    /// Backtest and calibration: <c>years.base_year</c> may be a year before 2021, and brain plans for years
    /// outside the simulated ones are dropped (a scenario's 2022–2027 plan does not apply to the past).
    /// </summary>
    public bool HistoricalStart { get; init; }

    /// <summary>
    /// Where the calibrated parameters come from: the posterior (drawn per replication), its medians, or the priors.
    /// The library's default is the medians, a fixed parameter set (what `scenario show`, the bench and most tests
    /// want); the run commands pass the user's --parameters, whose default is the posterior.
    /// </summary>
    public ParameterSource Parameters { get; init; } = ParameterSource.Median;
}
