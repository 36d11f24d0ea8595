namespace ZjSim.Model;

/// <summary>
/// One replication's indicators, a row per year from the base year. NaN marks a value the model does not
/// define for that year (science flows in the base year), and such cells are not written out.
/// </summary>
public sealed class IndicatorTable
{
    public int FirstYear { get; }
    public double[] Values { get; }   // [yearOffset * IndicatorCount + indicator]

    public static int IndicatorCount => Indicators.All.Count;

    public IndicatorTable(int firstYear, int lastYear) : this(firstYear, Filled(lastYear - firstYear + 1)) { }
    public IndicatorTable(int firstYear, double[] values) { FirstYear = firstYear; Values = values; }

    public int LastYear => FirstYear + Values.Length / IndicatorCount - 1;

    public double this[int year, Indicator i]
    {
        get => Values[(year - FirstYear) * IndicatorCount + i.Index];
        set => Values[(year - FirstYear) * IndicatorCount + i.Index] = value;
    }

    private static double[] Filled(int years)
    {
        var v = new double[years * IndicatorCount];
        Array.Fill(v, double.NaN);
        return v;
    }
}
