using System.Text.Json.Nodes;
using ZjSim.Client.Commands;

namespace ZjSim.Client.Output;

/// <summary>
/// What a scenario changes against config/model.json: every parameter whose resolved value differs from the default,
/// with its unit from docs/MODEL.md section 8 (<see cref="ParameterDocs"/>, the one place units are written).
/// Lists are compared entry by entry, so a campaign's budget is <c>government.campaigns[0].budget</c>, the path a
/// design or `seek` lever uses; an entry the scenario adds or drops shows "(none)" on the side that lacks it.
/// </summary>
public static class ParameterChanges
{
    public const string None = "(none)";

    public sealed record Change(string Path, string From, string To, string Unit)
    {
        /// <summary>"government.campaigns[0].budget: 1.5 → 3 billion yuan a year".</summary>
        public override string ToString() => $"{Path}: {Shown(From)} → {Shown(To)}{(Unit.Length > 0 ? " " + Unit : "")}";
    }

    /// <summary>The changes from <paramref name="defaults"/> (model.json's parameters) to <paramref name="resolved"/> (a scenario's), in the scenario's document order.</summary>
    public static IReadOnlyList<Change> Between(JsonNode defaults, JsonNode resolved)
    {
        var from = ScenarioCommands.Flatten(defaults);
        var to = ScenarioCommands.Flatten(resolved);
        var changes = new List<Change>();
        foreach (var path in to.Keys.Union(from.Keys))
        {
            from.TryGetValue(path, out var a);
            to.TryGetValue(path, out var b);
            if (a == b) continue;
            changes.Add(new Change(path, Show(a), Show(b), ParameterDocs.Find(path)?.Unit ?? ""));
        }
        return changes;
    }

    /// <summary>A flattened value as a reader writes it: texts without their JSON quotes.</summary>
    private static string Show(string? value) => value is null ? None : value.Length >= 2 && value[0] == '"' ? value[1..^1] : value;

    /// <summary>
    /// A value as the console shows it: a calibrated median to six significant digits (0.801317, not
    /// 0.8013168843500503); resolved_parameters.csv keeps every digit.
    /// </summary>
    public static string Shown(string value) =>
        value.Length > 8 && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)
            : value;
}
