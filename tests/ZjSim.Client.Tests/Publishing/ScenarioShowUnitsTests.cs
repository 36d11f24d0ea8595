namespace ZjSim.Client.Tests.Publishing;

/// <summary>`scenario show` prints each resolved parameter with its unit and SOURCE/ASSUMPTION mark, within 80 columns.</summary>
public sealed class ScenarioShowUnitsTests
{
    [Fact]
    public async Task Scenario_show_gives_units_and_marks_from_model_md()
    {
        using var cli = new CliHarness();
        var r = await cli.Run("scenario", "show", "baseline");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"wider than 80 columns: '{l}'"));
        string Line(string key) => lines.Single(l => l.TrimStart().StartsWith(key + " ", StringComparison.Ordinal));
        Assert.Contains("SOURCE", Line("digital_economy.initial"));
        Assert.Contains("billion", Line("digital_economy.initial"));
        Assert.Contains("ASSUMPTION", Line("world.revenue_sigma"));
        Assert.Contains("log-sd", Line("world.revenue_sigma"));
        Assert.Contains("SETTING", Line("world.scale"));
    }
}
