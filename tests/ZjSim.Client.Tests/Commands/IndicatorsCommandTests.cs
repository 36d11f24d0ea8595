namespace ZjSim.Client.Tests.Commands;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Names_the_definition_and_the_rule_that_moves_an_indicator()
    {
        var r = await _cli.Run("indicators", "coverage_key_sme");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("key SMEs at level 1 or above", r.Out);
        Assert.Contains("moved by AdoptionRule.Resolve (src/ZjSim.Model/Rules/AdoptionRule.cs)", r.Out);
        Assert.DoesNotContain("smart_factories", r.Out);
    }

    [Fact]
    public async Task Lists_every_indicator_and_refuses_an_unknown_one_in_one_line()
    {
        var all = await _cli.Run("indicators");
        Assert.Equal(0, all.ExitCode);
        foreach (var name in ZjSim.Model.Indicators.Names) Assert.Contains(name, all.Out);

        var bad = await _cli.Run("indicators", "coverage");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Error.Trim().Split('\n'));
        Assert.Contains("unknown indicator 'coverage'", bad.Error);
    }

    public void Dispose() => _cli.Dispose();
}
