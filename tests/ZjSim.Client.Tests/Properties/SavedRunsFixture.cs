namespace ZjSim.Client.Tests.Properties;

/// <summary>Two small saved runs (baseline and policy-push, same seed and scale), made once and only copied by the tests.</summary>
public sealed class SavedRunsFixture : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    public string Baseline => _cli.Path("baseline");
    public string PolicyPush => _cli.Path("policy-push");

    public async Task InitializeAsync()
    {
        foreach (var (scenario, dir) in new[] { ("baseline", Baseline), ("policy-push", PolicyPush) })
        {
            var r = await _cli.Run("run", "--scenario", scenario, "--replications", "2", "--scale", "0.003", "--out", dir);
            if (r.ExitCode != 0) throw new InvalidOperationException($"fixture run failed: {r.Error}");
        }
    }

    public Task DisposeAsync() { _cli.Dispose(); return Task.CompletedTask; }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }
}
