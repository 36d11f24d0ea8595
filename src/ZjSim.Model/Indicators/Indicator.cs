using System.Globalization;
using ZjSim.Model.Simulation;

namespace ZjSim.Model;

/// <summary>
/// One yearly indicator of a replication: its column name, how a person reads it, which rules move it, and how it
/// is computed from the province's year. The entries themselves are the catalogue (IndicatorCatalogue.cs):
/// tables, files, charts and the docs test all read them, so a new indicator is one entry there.
/// </summary>
public sealed partial class Indicator
{
    private readonly Func<ProvinceYear, double> _compute;

    /// <summary>Position in every replication's table, in catalogue order.</summary>
    public int Index { get; }
    /// <summary>The snake_case name used in indicators.csv, goals.json and on the command line.</summary>
    public string Name { get; }
    /// <summary>A readable title for charts and reports.</summary>
    public string Title { get; }
    public IndicatorKind Kind { get; }
    /// <summary>The unit of the shown value (a share is shown in %).</summary>
    public string Unit { get; }
    /// <summary>What it measures, as docs/MODEL.md's Observation table states it.</summary>
    public string Definition { get; }
    /// <summary>The rules whose outcomes it records, as "Type.Member (src/ZjSim.Model/Rules/File.cs)".</summary>
    public IReadOnlyList<string> MovedBy { get; }
    /// <summary>Whether the console's yearly table shows it (the rest are diagnostics, in the files only).</summary>
    public bool Shown { get; }

    private Indicator(string name, string title, IndicatorKind kind, string unit, string definition, string[] movedBy,
        Func<ProvinceYear, double> compute, bool shown = true)
    {
        Index = Catalogue.Count;
        Name = name;
        Title = title;
        Kind = kind;
        Unit = unit;
        Definition = definition;
        MovedBy = movedBy;
        Shown = shown;
        _compute = compute;
        Catalogue.Add(this);
    }

    /// <summary>The indicator's value in the province's year (NaN where the year does not define it).</summary>
    public double Compute(ProvinceYear year) => _compute(year);

    /// <summary>The value as shown: shares in %.</summary>
    public double ToDisplay(double value) => Kind == IndicatorKind.Share ? value * 100 : value;

    /// <summary>Compact enough that a year fits in 7 characters and the yearly table in 80 columns.</summary>
    public string Format(double v) => Kind switch
    {
        _ when double.IsNaN(v) => "–",
        IndicatorKind.Share => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ when v != Math.Floor(v) && Math.Abs(v) < 100 => v.ToString("0.#", CultureInfo.InvariantCulture),
        _ => v.ToString("#,0", CultureInfo.InvariantCulture),
    };

    /// <summary>"name: definition; moved by ..." — what `zjsim indicators` prints.</summary>
    public string Explain() => $"{Name}: {Definition}; moved by {string.Join(" and ", MovedBy)}";

    public override string ToString() => Name;

    /// <summary>"Type.Member (src/ZjSim.Model/Rules/Type.cs)": a rule's place, checked by a test to exist.</summary>
    private static string Rule(Type rule, string member) => $"{rule.Name}.{member} (src/ZjSim.Model/Rules/{rule.Name}.cs)";
}
