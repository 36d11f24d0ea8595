using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Goals;

/// <summary>How a goal reads its indicator: its value in the goal year, or its least value over a span of years.</summary>
public enum GoalMode { Final, EveryYear }

/// <summary>
/// A 2027 target of the white paper with its numerical reading. Counts of enterprises' titles
/// scale with the world (a 2% world needs 2% of the factories); province totals do not.
/// </summary>
public sealed record Goal(
    string Name,
    string Indicator,
    string Comparison,
    double Target,
    int Year,
    GoalMode Mode,
    int? FromYear,
    bool ScalesWithWorld,
    string Reading)
{
    public void Validate(ParameterCheck c, YearParameters years)
    {
        if (!Model.Indicators.TryParse(Indicator, out _))
            c.Fail("indicator", $"unknown indicator '{Indicator}' (known: {string.Join(", ", Model.Indicators.Names)})");
        if (Comparison is not (">=" or ">"))
            c.Fail("comparison", $"must be \">=\" or \">\" (got \"{Comparison}\")");
        c.Range("target", Target, 0, 1e9);
        if (Year <= years.BaseYear || Year > years.EndYear)
            c.Fail("year", $"must lie in the simulated years {years.BaseYear + 1}..{years.EndYear} (got {Year})");
        if (Mode == GoalMode.EveryYear && (FromYear is not int f || f <= years.BaseYear || f > Year))
            c.Fail("from_year", $"an every_year goal needs from_year in {years.BaseYear + 1}..{Year}");
    }
}
