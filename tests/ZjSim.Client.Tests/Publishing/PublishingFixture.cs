namespace ZjSim.Client.Tests.Publishing;

/// <summary>One small compare and one small run whose charts, report and data files the publishing tests read.</summary>
public sealed class PublishingFixture : IAsyncLifetime
{
    public CliHarness Cli { get; } = new();
    public string Compare => Cli.Path("cmp");
    public string Run => Cli.Path("run");
    public CliHarness.Result CompareResult { get; private set; } = null!;
    public CliHarness.Result RunResult { get; private set; } = null!;
    public static readonly string[] Scenarios = ["baseline", "policy-push", "fiscal-squeeze"];

    public async Task InitializeAsync()
    {
        CompareResult = await Cli.Run(["compare", .. Scenarios, "--replications", "12", "--seed", "5", "--scale", "0.01", "--out", Compare]);
        RunResult = await Cli.Run("run", "--scenario", "policy-push", "--replications", "8", "--seed", "6", "--scale", "0.01", "--out", Run);
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}
