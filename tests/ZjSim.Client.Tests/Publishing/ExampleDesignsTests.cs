using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>The example designs in docs/experiments/ name parameters the model has, and every point they make is valid.</summary>
public sealed class ExampleDesignsTests
{
    public static TheoryData<string> Designs() => new(Directory.GetFiles(
        Path.Combine(Path.GetDirectoryName(CliHarness.ConfigDir)!, "docs", "experiments"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Designs))]
    public void An_example_design_varies_the_model_s_parameters_at_valid_points(string file)
    {
        string path = Path.Combine(Path.GetDirectoryName(CliHarness.ConfigDir)!, "docs", "experiments", file);
        var design = ExperimentDesign.Load(path);
        var baseScenario = ScenarioLoader.Load(design.Scenario, CliHarness.ConfigDir);
        var points = design.Points();
        Assert.NotEmpty(points);
        foreach (var values in points)
        {
            var scenario = design.PointScenario(baseScenario, values);   // throws, naming the point, if one is invalid
            Assert.NotEqual(baseScenario.CanonicalJson, scenario.CanonicalJson);
        }
    }
}
