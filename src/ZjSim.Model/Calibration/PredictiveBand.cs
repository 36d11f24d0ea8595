using ZjSim.Model.Analysis;

namespace ZjSim.Model.Calibration;

/// <summary>
/// Whether an observation agrees with a predictive band. A figure reported as "more than X" says only that the
/// truth is above X, so the band agrees with it when it reaches X: its upper end is at least X. Any other figure
/// must lie between the band's ends (ends included, as <see cref="Coverage.Inside"/>).
/// </summary>
public static class PredictiveBand
{
    public static bool Covers(Interval band, ObservedPoint observed) =>
        observed.IsLowerBound
            ? band.Upper >= observed.Value
            : observed.Value >= band.Lower && observed.Value <= band.Upper;
}
