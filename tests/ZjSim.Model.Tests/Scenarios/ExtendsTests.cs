using System.Text.Json.Nodes;
using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Scenarios;

public sealed class ExtendsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zjsim-extends-").FullName;
    /// <summary>A copy of config/, since a scenario may extend only files under its config folder.</summary>
    private readonly string _config;
    private readonly string _dir;

    public ExtendsTests()
    {
        _config = Path.Combine(_root, "config");
        foreach (var file in Directory.GetFiles(TestConfig.Dir, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(_config, Path.GetRelativePath(TestConfig.Dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        _dir = Path.Combine(_config, "mine");
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("../outside.json")]
    [InlineData("zhejiang/../../outside.json")]
    [InlineData("ABSOLUTE")]
    public void Extending_a_file_outside_the_config_folder_is_refused(string target)
    {
        string outside = Path.Combine(_root, "outside.json");
        File.WriteAllText(outside, """{ "parameters": { "government": { "acceptance": 0.2 } } }""");
        if (target == "ABSOLUTE") target = outside;
        string path = Write("escape.json", $$"""{ "extends": {{System.Text.Json.JsonSerializer.Serialize(target)}} }""");
        var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(path, _config));
        Assert.Equal(path, e.File);
        Assert.Equal("extends", e.Field);
        Assert.Contains("outside the config folder", e.Message);
    }

    [Fact]
    public void Merge_order_is_defaults_then_the_extended_file_then_the_scenario()
    {
        string parent = Write("parent.json", """{ "parameters": { "government": { "acceptance": 0.2, "subsidy_effect_linear": 0.1 } } }""");
        string child = Write("child.json", $$"""{ "extends": "{{parent}}", "parameters": { "government": { "acceptance": 0.05 } } }""");
        var s = ScenarioLoader.Load(child, _config);
        Assert.Equal(0.05, s.Parameters.Government.Acceptance);          // the scenario wins
        Assert.Equal(0.1, s.Parameters.Government.SubsidyEffectLinear);  // the extended file's value stays
        Assert.Equal(1.6, s.Parameters.Government.SubsidyEffectQuadratic); // the default stays
        Assert.Equal("child", s.Name);
    }

    /// <summary>
    /// Every shipped scenario extends the calibrated file, so a rate written there by `zjsim calibrate` reaches every
    /// scenario; no scenario sets a rate of its own that the calibration would then fail to reach.
    /// </summary>
    [Fact]
    public void The_shipped_scenarios_build_on_the_calibrated_values()
    {
        var file = ScenarioLoader.ReadObject(CalibratedFile.PathIn(TestConfig.Dir));
        double growth = file["parameters"]!["value_added"]!["other_growth"]!.GetValue<double>();
        double q = file["parameters"]!["adoption"]!["q"]![0]!.GetValue<double>();
        foreach (var name in new[] { "baseline", "policy-push", "brain-led", "fiscal-squeeze" })
        {
            var s = ScenarioLoader.Load(name, TestConfig.Dir);
            Assert.Equal(growth, s.Parameters.ValueAdded.OtherGrowth);   // scenarios are instruments: no rate overridden
            Assert.Equal(q, s.Parameters.Adoption.Q[0]);
        }
    }

    [Fact]
    public void A_missing_target_is_named()
    {
        string path = Write("orphan.json", """{ "extends": "zhejiang/nothing.json", "parameters": {} }""");
        var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(path, _config));
        Assert.Equal(path, e.File);
        Assert.Equal("extends", e.Field);
        Assert.Contains("'zhejiang/nothing.json', which was not found", e.Message);
    }

    [Fact]
    public void A_cycle_is_refused()
    {
        string a = Path.Combine(_dir, "a.json"), b = Path.Combine(_dir, "b.json");
        File.WriteAllText(a, $$"""{ "extends": "{{b}}" }""");
        File.WriteAllText(b, $$"""{ "extends": "{{a}}" }""");
        var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(a, _config));
        Assert.Contains("a cycle", e.Message);
    }

    [Fact]
    public void A_bad_value_in_the_extended_file_is_blamed_on_that_file()
    {
        string parent = Write("parent.json", """{ "parameters": { "brains": { "delivery_probability": 1.5 } } }""");
        string child = Write("child.json", $$"""{ "extends": "{{parent}}" }""");
        var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(child, _config));
        Assert.Equal(parent, e.File);
        Assert.Equal("brains.delivery_probability", e.Field);
    }
}
