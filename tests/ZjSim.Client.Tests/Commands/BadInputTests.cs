namespace ZjSim.Client.Tests.Commands;

/// <summary>Every bad input: exit code 2, one message naming the file and field or the cause, nothing in DIR.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private string Scenario(string name, string json)
    {
        string path = _cli.Path(name);
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<string> Rejected(string expectedInMessage, params string[] args)
    {
        string dir = _cli.Path("out");
        var r = await _cli.Run([.. args, "--out", dir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expectedInMessage, r.Error);
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any(), "the output folder must stay empty");
        Assert.Empty(Directory.GetDirectories(_cli.Temp, ".*partial*"));
        return r.Error;
    }

    [Fact]
    public Task Fewer_than_one_replication() =>
        Rejected("--replications: must be at least 1 (got 0)", "run", "--scenario", "baseline", "--replications", "0");

    [Fact]
    public Task Unknown_scenario() =>
        Rejected("unknown scenario", "run", "--scenario", "utopia");

    [Fact]
    public Task Missing_scenario_file() =>
        Rejected("scenario file not found", "run", "--scenario", _cli.Path("missing.json"));

    [Fact]
    public async Task Malformed_scenario_file()
    {
        string path = Scenario("broken.json", "{ \"parameters\": { \"government\": ");
        string error = await Rejected("not valid JSON at line", "run", "--scenario", path);
        Assert.Contains("broken.json", error);
    }

    [Fact]
    public async Task Unknown_key()
    {
        string path = Scenario("unknown.json", "{ \"parameters\": { \"brains\": { \"delivery\": 0.5 } } }");
        string error = await Rejected("field 'brains.delivery' is not a known parameter", "run", "--scenario", path);
        Assert.Contains("unknown.json", error);
    }

    [Fact]
    public async Task Probability_outside_the_unit_interval()
    {
        string path = Scenario("prob.json", "{ \"parameters\": { \"brains\": { \"delivery_probability\": 1.2 } } }");
        string error = await Rejected("field 'brains.delivery_probability' is a probability and must lie in [0, 1]", "run", "--scenario", path);
        Assert.Contains("prob.json", error);
    }

    [Fact]
    public Task Negative_count() =>
        Rejected("field 'world.key_sme_enterprises' must not be negative", "run", "--scenario",
            Scenario("neg.json", "{ \"parameters\": { \"world\": { \"key_sme_enterprises\": -1 } } }"));

    [Fact]
    public Task Year_range_outside_the_data() =>
        Rejected("field 'years.end_year' must be after base_year", "run", "--scenario",
            Scenario("years.json", "{ \"parameters\": { \"years\": { \"end_year\": 2040 } } }"));

    [Fact]
    public Task Scale_out_of_range() =>
        Rejected("--scale: must lie in (0, 1]", "run", "--scenario", "baseline", "--scale", "1.5");

    [Fact]
    public Task Unparseable_number() =>
        Rejected("zjsim:", "run", "--scenario", "baseline", "--replications", "many");

    [Fact]
    public async Task Unwritable_output_folder()
    {
        // A folder below a regular file cannot be created, whoever runs the test (root included).
        string file = _cli.Path("a-file");
        File.WriteAllText(file, "");
        var r = await _cli.Run("run", "--scenario", "baseline", "--scale", "0.005", "--out", Path.Combine(file, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot write there", r.Error);
    }

    [Fact]
    public async Task Output_folder_that_already_holds_a_run()
    {
        string dir = _cli.Path("taken");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{}");
        var r = await _cli.Run("run", "--scenario", "baseline", "--scale", "0.005", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("already exists and is not empty", r.Error);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(dir, "manifest.json")));
    }
}
