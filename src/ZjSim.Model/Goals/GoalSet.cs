using System.Text.Json;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Goals;

/// <summary>The goals of config/goals.json, and their check on a replication.</summary>
public sealed record GoalSet(IReadOnlyList<Goal> Goals)
{
    private sealed record File(List<Goal> Goals);

    public static GoalSet Load(string path, YearParameters years)
    {
        var obj = ScenarioLoader.ReadObject(path);
        File file;
        try
        {
            file = obj.Deserialize<File>(ConfigJson.Options) ?? throw new ConfigException(path, null, "holds no goals");
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, (e.Path ?? "$").TrimStart('$').TrimStart('.'), $"has the wrong type or is missing: {e.Message.Split(". Path:")[0]}");
        }
        if (file.Goals is null) throw new ConfigException(path, "goals", "must be a list of goals, such as \"goals\": [ { \"name\": ..., \"indicator\": ... } ]");
        for (int i = 0; i < file.Goals.Count; i++)
        {
            var g = file.Goals[i];
            if (g is null) throw new ConfigException(path, $"goals[{i}]", "must be a goal object, not null");
            foreach (var (field, value) in new[] { ("name", g.Name), ("indicator", g.Indicator), ("comparison", g.Comparison), ("reading", g.Reading) })
                if (value is null) throw new ConfigException(path, $"goals[{i}].{field}", "is missing");
        }
        var check = new ParameterCheck();
        var names = new HashSet<string>();
        for (int i = 0; i < file.Goals.Count; i++)
        {
            file.Goals[i].Validate(check.At($"goals[{i}]"), years);
            if (!names.Add(file.Goals[i].Name)) check.Fail($"goals[{i}].name", $"repeats the goal name '{file.Goals[i].Name}'");
        }
        if (check.Issues.Count > 0) throw new ConfigException(path, check.Issues[0].Path, check.Issues[0].Message);
        return new GoalSet(file.Goals);
    }

    public IReadOnlyList<GoalResult> Evaluate(IndicatorTable table, double scale)
    {
        var results = new List<GoalResult>(Goals.Count);
        foreach (var g in Goals)
        {
            Indicators.TryParse(g.Indicator, out var indicator);
            double value = g.Mode == GoalMode.Final
                ? table[g.Year, indicator]
                : Enumerable.Range(g.FromYear!.Value, g.Year - g.FromYear!.Value + 1).Min(y => table[y, indicator]);
            double target = g.ScalesWithWorld ? g.Target * scale : g.Target;
            bool met = g.Comparison == ">" ? value > target : value >= target;
            results.Add(new GoalResult(g.Name, target, value, met));
        }
        return results;
    }
}
