namespace ZjSim.Client.Tests.Publishing;

/// <summary>`zjsim runs` fits 80 columns, even for a compare of many scenarios with long names.</summary>
public sealed class RunsListWidthTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    [Fact]
    public async Task The_runs_table_fits_80_columns()
    {
        Assert.True(fixture.CompareResult.ExitCode == 0, fixture.CompareResult.Error);
        var r = await fixture.Cli.Run("runs", "--dir", fixture.Cli.Temp);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("compare baseline, policy-push,", r.Out);
        Assert.Contains("complete", r.Out);
        Assert.All(r.Out.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 80, $"wider than 80 columns: '{l}'"));
    }
}
