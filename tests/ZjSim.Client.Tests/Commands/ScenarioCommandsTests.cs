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
        Assert.Contains("science.projects_planned: 200 → 180", r.Out);
        Assert.Contains("smart_factory.batches.2025: 160 → 100", r.Out);
        Assert.Contains("government.campaigns[0].budget: 1.5 → 0.5", r.Out);
        Assert.Contains("Resolved parameters", r.Out);
        Assert.Contains("world.above_size_enterprises", r.Out);
    }

    [Fact]
    public async Task Scenario_show_of_an_unknown_name_exits_2()
    {
        var r = await _cli.Run("scenario", "show", "utopia");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown scenario", r.Error);
    }
}
