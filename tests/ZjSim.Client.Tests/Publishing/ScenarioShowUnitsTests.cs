using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Client.Commands;
using ZjSim.Client.Output;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>
/// `scenario show` prints each change a scenario makes against config/model.json with its unit, and each resolved
/// parameter with its unit and SOURCE/ASSUMPTION mark, all from docs/MODEL.md section 8, within 80 columns.
/// </summary>
public sealed class ScenarioShowUnitsTests
{
    public static TheoryData<string> Shipped => new() { "baseline", "policy-push", "brain-led", "fiscal-squeeze" };

    [Fact]
    public async Task Scenario_show_gives_units_and_marks_from_model_md()
    {
        using var cli = new CliHarness();
        var r = await cli.Run("scenario", "show", "baseline");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"wider than 80 columns: '{l}'"));
        // The last line for a key is its row in the full parameter list (a calibrated one also appears among the changes).
        string Line(string key) => lines.Last(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        Assert.Contains("SOURCE", Line("value_added.digital_economy_initial"));
        Assert.Contains("billion", Line("value_added.digital_economy_initial"));
        Assert.Contains("log-sd", Line("world.revenue.sigma"));
        Assert.Contains("(ASSUMPTION)", Line("brains.delivery_probability"));
        Assert.Contains("billion yuan a year (LEVER)", Line("government.campaigns[0].budget"));
        Assert.Contains("SETTING", Line("world.scale"));
    }

    /// <summary>
    /// The changes are exactly the leaves the scenario file and the files it extends set to something other than
    /// model.json's value (the later file winning), each printed as "path: default → value unit".
    /// </summary>
    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task Every_change_a_shipped_scenario_makes_is_printed_with_its_unit(string name)
    {
        string config = CliHarness.ConfigDir;
        var defaults = ScenarioCommands.Flatten(ScenarioLoader.ReadObject(Path.Combine(config, ConfigDirectory.DefaultsFile)));
        var expected = new Dictionary<string, string>();
        foreach (var layer in Layers(Path.Combine(config, ConfigDirectory.ScenariosFolder, name + ".json"), config))
            foreach (var (path, value) in ScenarioCommands.Flatten(layer))
                expected[path] = value;
        var changed = expected.Where(kv => !defaults.TryGetValue(kv.Key, out var d) || d != kv.Value).Select(kv => kv.Key).ToHashSet();

        var scenario = ScenarioLoader.Load(name, config);
        var changes = ParameterChanges.Between(ScenarioLoader.ReadObject(Path.Combine(config, ConfigDirectory.DefaultsFile)), JsonNode.Parse(scenario.CanonicalJson)!);
        Assert.Equal(changed.Order(StringComparer.Ordinal), changes.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Equal(defaults.TryGetValue(c.Path, out var d) ? d.Trim('"') : ParameterChanges.None, c.From));
        Assert.All(changes, c => Assert.True(c.Unit.Length > 0, $"{name}: {c.Path} has no unit in docs/MODEL.md section 8"));

        using var cli = new CliHarness();
        var r = await cli.Run("scenario", "show", name);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.All(r.Out.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 80, $"wider than 80 columns: '{l}'"));
        string printed = OneLine(r.Out);
        Assert.All(changes, c => Assert.Contains(OneLine(c.ToString()), printed));
        Assert.Contains(changes.Count == 0 ? "No changes against model.json" : "Changes against model.json", printed);
    }

    [Fact]
    public void A_campaign_in_a_list_of_objects_is_addressed_by_its_position_and_shown_with_its_unit()
    {
        string config = CliHarness.ConfigDir;
        var defaults = ScenarioLoader.ReadObject(Path.Combine(config, ConfigDirectory.DefaultsFile));
        var push = JsonNode.Parse(ScenarioLoader.Load("policy-push", config).CanonicalJson)!;
        double before = ParameterPath.Get(defaults, "government.campaigns[0].budget")!.GetValue<double>();
        double after = ParameterPath.Get(push, "government.campaigns[0].budget")!.GetValue<double>();
        Assert.NotEqual(before, after);

        var budget = Assert.Single(ParameterChanges.Between(defaults, push), c => c.Path == "government.campaigns[0].budget");
        Assert.Contains("billion yuan", budget.Unit);   // model.json: budgets in billion yuan a year
        Assert.Equal($"government.campaigns[0].budget: {before.ToString("R", CultureInfo.InvariantCulture)} → {after.ToString("R", CultureInfo.InvariantCulture)} {budget.Unit}", budget.ToString());

        // A campaign the scenario adds shows each of its fields against "(none)".
        var added = push.DeepClone();
        added["government"]!["campaigns"]!.AsArray().Add(added["government"]!["campaigns"]![0]!.DeepClone());
        var extra = ParameterChanges.Between(defaults, added).Where(c => c.Path.StartsWith("government.campaigns[2].", StringComparison.Ordinal)).ToList();
        Assert.Equal(added["government"]!["campaigns"]![2]!.AsObject().Count, extra.Count);
        Assert.All(extra, c => Assert.Equal(ParameterChanges.None, c.From));
        Assert.Contains(extra, c => c.ToString() == "government.campaigns[2].name: (none) → key-sme-coverage" + (c.Unit.Length > 0 ? " " + c.Unit : ""));
    }

    /// <summary>The "parameters" of a scenario file and of the files it extends, in merge order.</summary>
    private static IEnumerable<JsonNode> Layers(string file, string config)
    {
        var o = ScenarioLoader.ReadObject(file);
        if (o["extends"] is JsonValue e && e.GetValue<string>() is string target)
            foreach (var layer in Layers(target.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(config, target)
                         : Path.Combine(config, ConfigDirectory.ScenariosFolder, target + ".json"), config))
                yield return layer;
        if (o["parameters"] is JsonObject p) yield return p;
    }

    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ");
}
