namespace ZjSim.Model.Calibration;

/// <summary>
/// One line of a backtest: a series at a year end or an observed date, the observed figure if any, and the
/// simulated median and 90% band (5th to 95th percentile over replications). At the start year an
/// observed figure is an initial condition, not something to fit.
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
    bool IsStart);
