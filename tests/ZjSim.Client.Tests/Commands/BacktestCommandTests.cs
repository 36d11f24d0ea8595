namespace ZjSim.Client.Tests.Commands;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Backtest_prints_observed_against_the_simulated_median_and_band_for_each_series()
    {
        var r = await _cli.Run("backtest", "--replications", "4", "--scale", "0.02", "--seed", "3");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("backtest: baseline from the end of 2018 to 2021, 4 replications", r.Out);
        foreach (var title in new[] { "digital_economy_value (billion yuan)", "core_industry_value (billion yuan)", "smart_factories (titles)",
                     "future_factories (titles)", "industry_brains (brains)", "enterprises_using_digital_technology (share)" })
            Assert.Contains(title, r.Out);
        Assert.Contains("90% band", r.Out);
        Assert.Matches(@"2018\s+2,330\s+2,330\s+2,330–2,330\s+start", r.Out);   // the sourced initial condition
        Assert.Matches(@"2021\s+3,570\s+[\d,]+\s+[\d,]+–[\d,]+\s+yes", r.Out);
        Assert.Contains("> 800", r.Out);
        Assert.Contains("industrial_internet_platforms: 2019 65, 2020 210", r.Out);
    }

    [Theory]
    [InlineData("--from", "2016", "no initial conditions for 2016")]
    [InlineData("--from", "2021", "--from: a backtest starts in a year from 2014 to 2020")]
    [InlineData("--replications", "0", "--replications: must be at least 1")]
    [InlineData("--scale", "0", "--scale: must lie in (0, 1]")]
    public async Task Bad_options_are_one_message_and_exit_code_2(string option, string value, string message)
    {
        var r = await _cli.Run("backtest", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
    }
}
