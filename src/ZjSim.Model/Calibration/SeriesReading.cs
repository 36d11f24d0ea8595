namespace ZjSim.Model.Calibration;

/// <summary>
/// Reads an observed series off one replication's indicator table: the indicator at the point's model year
/// (on the straight line between two year ends for a date inside a year), titles scaled back to the
/// province, shares divided by their observed denominator.
/// </summary>
public static class SeriesReading
{
    /// <summary>Whether the table covers the point: both year ends around it were simulated.</summary>
    public static bool Covers(IndicatorTable table, double modelYear)
    {
        int floor = (int)Math.Floor(modelYear);
        return floor >= table.FirstYear && (modelYear == floor ? floor : floor + 1) <= table.LastYear;
    }

    public static double Value(ObservedData data, ObservedSeries series, IndicatorTable table, double modelYear, double scale)
    {
        var indicator = series.ModelIndicator;
        int floor = (int)Math.Floor(modelYear);
        double fraction = modelYear - floor;
        double value = table[floor, indicator];
        if (fraction > 0) value += fraction * (table[floor + 1, indicator] - value);
        if (series.ScalesWithWorld) value /= scale;
        if (series.DivideBy is string divisor) value /= data[divisor].Points.First(p => p.ModelYear == modelYear).Value;
        return value;
    }
}
