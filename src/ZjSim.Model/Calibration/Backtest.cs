using ZjSim.Model.Analysis;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// Simulates the observed years from a historical start and sets each simulated series beside its
/// observations: a row per simulated year end, and one per observation dated inside a year. Run from posterior
/// draws, this is a posterior predictive check: each observation's predictive median and bands, and whether it
/// lies inside them.
/// </summary>
public static class Backtest
{
    public const double BandLow = 0.05, BandHigh = 0.95, InnerLow = 0.25, InnerHigh = 0.75;

    public static IReadOnlyList<BacktestRow> Rows(ObservedData data, Scenario scenario, IndicatorTable[] tables)
    {
        var years = scenario.Parameters.Years;
        double scale = scenario.Parameters.World.Scale;
        var rows = new List<BacktestRow>();
        foreach (var series in data.Series.Where(s => s.IsSimulated))
        {
            var dates = Enumerable.Range(years.BaseYear, years.EndYear - years.BaseYear + 1).Select(y => (double)y)
                .Union(series.Points.Select(p => p.ModelYear).Where(y => y >= years.BaseYear && y <= years.EndYear))
                .Where(y => series.DivideBy is null || series.Points.Any(p => p.ModelYear == y))
                .Order();
            foreach (double year in dates)
            {
                var observed = series.Points.FirstOrDefault(p => p.ModelYear == year);
                var values = tables.Select(t => SeriesReading.Value(data, series, t, year, scale)).ToArray();
                rows.Add(new BacktestRow(series.Name, observed?.AsOf ?? ((int)year).ToString(System.Globalization.CultureInfo.InvariantCulture), year, observed,
                    Quantiles.Of(values, 0.5), Quantiles.Of(values, BandLow), Quantiles.Of(values, BandHigh),
                    observed is not null && IsFitted(series, observed, years.BaseYear), year == years.BaseYear,
                    Quantiles.Of(values, InnerLow), Quantiles.Of(values, InnerHigh)));
            }
        }
        return rows;
    }

    /// <summary>Calibration fits a point if its series and the point are marked for fitting and it lies after the start.</summary>
    public static bool IsFitted(ObservedSeries series, ObservedPoint point, int baseYear) =>
        series.IsSimulated && series.Fit && point.Fit && point.ModelYear > baseYear;
}
