using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Goals;

/// <summary>
/// The baseline scenario with some uncertain parameters set by dotted path, each checked to lie inside its prior
/// (policy levers have none, so they stay at the baseline's), run in this thread for a few replications with a fixed
/// seed; one goal of config/goals.json is checked on each. The settings reach the model as a scenario layer written to
/// a temporary file, so the loader validates them as it would any scenario.
/// </summary>
public static class GoalTrial
{
    /// <summary>5% of the province (12,735 enterprises; title targets scale with it): a run of a dozen replications takes well under a second.</summary>
    public const double Scale = 0.05;
    public const ulong Seed = 20270101;

    public static GoalOutcome Run(string goal, IReadOnlyDictionary<string, double> settings, int replications, double scale = Scale)
    {
        foreach (var (path, value) in settings)
            if (ParameterPriors.Shipped.Refusal(path, value) is string refusal) throw new ArgumentException(refusal, nameof(settings));

        var scenario = Load(settings, scale);
        var world = new WorldLayout(scenario.Parameters);
        var goals = GoalSet.Load(Path.Combine(TestConfig.Dir, ConfigDirectory.GoalsFile), scenario.Parameters.Years);
        var only = new GoalSet([goals.Goals.Single(g => g.Name == goal)]);
        var values = new double[replications];
        int met = 0;
        double target = 0;
        for (int r = 0; r < replications; r++)
        {
            var result = only.Evaluate(ReplicationRunner.Run(world, Seed, r), scale)[0];
            values[r] = result.Value;
            target = result.Target;
            if (result.Met) met++;
        }
        return new GoalOutcome(goal, target, values, met);
    }

    /// <summary>The baseline with a layer setting each path; array elements are set inside a copy of the baseline's array (a layer replaces arrays whole).</summary>
    private static Scenario Load(IReadOnlyDictionary<string, double> settings, double scale)
    {
        var baseline = ScenarioLoader.Load("baseline", TestConfig.Dir, scale);
        var nominal = JsonSerializer.SerializeToNode(baseline.Parameters, ConfigJson.Options)!;
        var layer = new JsonObject();
        foreach (var (path, value) in settings)
        {
            var segments = ParameterPath.Segments(path);
            JsonNode node = layer;
            string prefix = "";
            for (int i = 0; i < segments.Count - 1; i++)
            {
                prefix = segments[i] is int index ? ParameterPath.Item(prefix, index) : ParameterPath.Child(prefix, (string)segments[i]);
                JsonNode? next = segments[i] is int k ? ((JsonArray)node)[k] : ((JsonObject)node)[(string)segments[i]];
                if (next is null)
                {
                    next = segments[i + 1] is int ? ParameterPath.Get(nominal, prefix)!.DeepClone() : new JsonObject();
                    ((JsonObject)node)[(string)segments[i]] = next;
                }
                node = next;
            }
            ParameterPath.Set(node, segments[^1] is int last ? $"[{last}]" : (string)segments[^1], JsonValue.Create(value));
        }

        string file = Path.Combine(Path.GetTempPath(), $"zjsim-goal-trial-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JsonObject { ["description"] = "goal reachability trial", ["parameters"] = layer }.ToJsonString());
        try
        {
            return ScenarioLoader.Load("baseline", TestConfig.Dir, new LoadOptions { Scale = scale, Layers = [file] });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
