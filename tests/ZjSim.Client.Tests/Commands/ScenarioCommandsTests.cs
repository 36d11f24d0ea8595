using System.Globalization;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Tests.Commands;

public sealed class ScenarioCommandsTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Scenarios_lists_each_with_its_description()
    {
        var r = await _cli.Run("scenarios");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "baseline", "policy-push", "brain-led", "fiscal-squeeze" }) Assert.Contains(name, r.Out);
        Assert.Contains("Fiscal squeeze", r.Out);
    }

    [Fact]
    public async Task Scenario_show_prints_what_changes_against_model_json()
    {
        var r = await _cli.Run("scenario", "show", "fiscal-squeeze");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Changes against model.json", r.Out);
        var defaults = ScenarioLoader.ReadObject(Path.Combine(CliHarness.ConfigDir, ConfigDirectory.DefaultsFile));
        var squeeze = ScenarioLoader.ReadObject(Path.Combine(CliHarness.ConfigDir, ConfigDirectory.ScenariosFolder, "fiscal-squeeze.json"))["parameters"]!;
        foreach (var path in new[] { "science.projects_planned", "smart_factory.batches.2025", "government.campaigns[0].budget" })
        {
            string from = ParameterPath.Get(defaults, path)!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
            string to = ParameterPath.Get(squeeze, path)!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
            Assert.NotEqual(from, to);
            Assert.Contains($"{path}: {from} → {to}", r.Out);
        }
        // Each change under the file that made it: the scenario's own after the layer it extends.
        int own = r.Out.IndexOf(" set by scenarios/fiscal-squeeze.json:", StringComparison.Ordinal);
        Assert.True(own >= 0, r.Out);
        Assert.True(r.Out.IndexOf("science.projects_planned:", StringComparison.Ordinal) > own);
        Assert.Contains("Resolved parameters", r.Out);
        Assert.Contains("world.above_size_enterprises:", r.Out);
    }

    [Fact]
    public async Task Scenario_show_of_an_unknown_name_exits_2()
    {
        var r = await _cli.Run("scenario", "show", "utopia");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown scenario", r.Error);
    }
}
