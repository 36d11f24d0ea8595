using ZjSim.Model.Simulation;

namespace ZjSim.Model;

/// <summary>The catalogue as a list, and recording a province's year into a replication's table.</summary>
public static class Indicators
{
    public static IReadOnlyList<Indicator> All => Indicator.All;
    public static IReadOnlyList<string> Names { get; } = Indicator.All.Select(i => i.Name).ToArray();

    public static bool TryParse(string name, out Indicator indicator)
    {
        indicator = Indicator.All.FirstOrDefault(i => i.Name == name)!;
        return indicator is not null;
    }

    /// <summary>Records every indicator of the year: the collection step, apart from the province's own step.</summary>
    public static void Collect(ProvinceYear year, IndicatorTable table)
    {
        foreach (var i in Indicator.All) table[year.Year, i] = i.Compute(year);
    }
}
