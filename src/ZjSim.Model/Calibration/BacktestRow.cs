using ZjSim.Model.Analysis;

namespace ZjSim.Model.Calibration;

/// <summary>
/// One line of a backtest: a series at a year end or an observed date, the observed figure if any, and the
/// simulated median with its 90% band (5th to 95th percentile over replications) and 50% band (25th to 75th).
/// At the start year an observed figure is an initial condition, not something to fit or check.
/// </summary>
public sealed record BacktestRow(
    string Series,
    string Date,
    double ModelYear,
    ObservedPoint? Observed,
    double Median,
    double Low,
    double High,
    bool InFit,
    bool IsStart,
    double Low50 = double.NaN,
    double High50 = double.NaN)
{
    /// <summary>An observation the posterior predictive check scores: observed, and not the start's initial condition.</summary>
    public bool IsChecked => Observed is not null && !IsStart;

    /// <summary>Whether the observation lies inside the 90% band (null if nothing is checked on this line).</summary>
    public bool? Inside90 => IsChecked ? PredictiveBand.Covers(new Interval(Median, Low, High), Observed!) : null;

    /// <summary>Whether the observation lies inside the 50% band (null if nothing is checked on this line).</summary>
    public bool? Inside50 => IsChecked ? PredictiveBand.Covers(new Interval(Median, Low50, High50), Observed!) : null;
}
