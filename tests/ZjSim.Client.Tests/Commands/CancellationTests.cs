using System.Text.Json.Nodes;

namespace ZjSim.Client.Tests.Commands;

/// <summary>Ctrl+C stops a run cleanly and keeps the replications already finished, marked partial.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Cancelled_run_keeps_finished_replications_marked_partial()
    {
        // Enterprise granularity on a 1% world takes about a second a replication here, so 200 cannot finish
        // before the cancellation at 4 s; at least one finishes before it.
        string dir = _cli.Path("partial");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var r = await _cli.Run(cancel.Token, "run", "--scenario", "baseline", "--replications", "200", "--scale", "0.01",
            "--granularity", "enterprise", "--out", dir);
        Assert.True(r.ExitCode == 130, $"exit {r.ExitCode}: {r.Error}");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.True(manifest["partial"]!.GetValue<bool>());
        int completed = manifest["completed_replications"]!.GetValue<int>();
        Assert.InRange(completed, 1, 199);
        var replications = File.ReadAllLines(Path.Combine(dir, "goals.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count();
        Assert.Equal(completed, replications);
        Assert.Contains("partial", r.Out);
    }
}
