namespace ZjSim.Model.Calibration;

/// <summary>
/// The record as one simulation would have written it: every fitted (and held-out) observation's value replaced by
/// the simulated one, each keeping its error model (so its sd is relative to the new value) and its kind ("more
/// than" figures take the simulated value as their bound). Simulation-based calibration fits to such records, whose
/// true parameters are known.
/// </summary>
public static class SyntheticRecord
{
    /// <summary>
    /// The synthetic record, or null if a simulated value cannot serve as an observation (not positive and finite,
    /// so its relative error would be 0 or undefined; a title count of 0 in a small world is kept). Shares of another series (divide_by) are read against the
    /// synthetic denominator, as the distance will read them.
    /// </summary>
    public static ObservedData? From(CalibrationProblem problem, IndicatorTable table)
    {
        var original = problem.Data;
        var targets = problem.Distance.Targets.Concat(problem.Distance.HeldOut)
            .Select(t => t.Point).ToHashSet(ReferenceEqualityComparer.Instance);
        var series = original.Series.ToList();
        // Direct readings first, then the shares, which divide by a (now synthetic) observed series.
        foreach (bool shares in new[] { false, true })
        {
            var current = new ObservedData(series.ToList());
            for (int i = 0; i < series.Count; i++)
            {
                var s = series[i];
                if ((s.DivideBy is not null) != shares) continue;
                var points = new List<ObservedPoint>(s.Points.Count);
                foreach (var (p, k) in s.Points.Select((p, k) => (p, k)))
                {
                    if (!targets.Contains(original.Series[i].Points[k])) { points.Add(p); continue; }
                    double value = SeriesReading.Value(current, s, table, p.ModelYear, problem.Scale);
                    // A count of titles read at scale s < 1 keeps the (1/s)/√12 rounding sd even at 0 (a small world often has no
                    // future factory yet); any other value needs to be positive for its relative error to mean something.
                    bool usable = double.IsFinite(value) && (value > 0 || (value == 0 && s.ScalesWithWorld && problem.Scale < 1));
                    if (!usable) return null;
                    points.Add(p with { Value = value });
                }
                series[i] = s with { Points = points };
            }
        }
        return new ObservedData(series);
    }
}
