using System.Text.Json.Nodes;

namespace ZjSim.Client.Tests.Commands;

/// <summary>Saved runs that cannot be compared, and folders that are not runs: exit code 2 with the cause.</summary>
public sealed class SavedRunErrorsTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private async Task<string> SmallRun(string name, string scenario = "baseline")
    {
        string dir = _cli.Path(name);
        var r = await _cli.Run("run", "--scenario", scenario, "--replications", "2", "--scale", "0.003", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        return dir;
    }

    [Fact]
    public async Task Unknown_scenario_in_compare()
    {
        var r = await _cli.Run("compare", "baseline", "utopia", "--scale", "0.003", "--out", _cli.Path("x"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("utopia", r.Error);
        Assert.False(Directory.Exists(_cli.Path("x")));
    }

    [Fact]
    public async Task A_single_scenario_is_not_a_comparison()
    {
        var r = await _cli.Run("compare", "baseline");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("at least two", r.Error);
    }

    [Fact]
    public async Task Runs_with_different_years_are_refused()
    {
        string a = await SmallRun("a");
        string longer = _cli.Path("longer.json");
        File.WriteAllText(longer, "{ \"description\": \"to 2028\", \"parameters\": { \"years\": { \"end_year\": 2028 } } }");
        string b = await SmallRun("b", longer);
        var r = await _cli.Run("compare", "--from", a, b);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("different years", r.Error);
    }

    [Fact]
    public async Task A_run_from_an_incompatible_version_is_refused()
    {
        string a = await SmallRun("a");
        string b = await SmallRun("b", "policy-push");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(b, "manifest.json")))!;
        manifest["format"] = 99;
        File.WriteAllText(Path.Combine(b, "manifest.json"), manifest.ToJsonString());
        var r = await _cli.Run("compare", "--from", a, b);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("result format 99", r.Error);
        var show = await _cli.Run("show", b);
        Assert.Equal(2, show.ExitCode);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_run_is_refused()
    {
        string a = await SmallRun("a");
        Directory.CreateDirectory(_cli.Path("empty"));
        var r = await _cli.Run("compare", "--from", a, _cli.Path("empty"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is not a ZjSim run folder", r.Error);
        var show = await _cli.Run("show", _cli.Path("nowhere"));
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("no such folder", show.Error);
    }
}
