using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZjSim.Client.Tests.Commands;

/// <summary>Ctrl+C stops a run cleanly and keeps the replications already finished, marked partial.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    /// <summary>Stdout that presses Ctrl+C as soon as the progress shows a finished replication: no clock involved.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource cancel, Regex finished) : StringWriter
    {
        private readonly StringBuilder _seen = new();
        public override void Write(char value) { base.Write(value); Seen(value.ToString()); }
        public override void Write(string? value) { base.Write(value); Seen(value); }
        public override void Write(char[] buffer, int index, int count) { base.Write(buffer, index, count); Seen(new string(buffer, index, count)); }

        private void Seen(string? text)
        {
            if (text is null || cancel.IsCancellationRequested) return;
            _seen.Append(text);
            if (finished.IsMatch(_seen.ToString())) cancel.Cancel();
        }
    }

    [Fact]
    public async Task Cancelled_run_keeps_finished_replications_marked_partial()
    {
        // One replication at a time, and progress is printed per tenth (2 of 20): the first progress line that shows
        // a finished replication cancels, long before the other 18 could finish.
        string dir = _cli.Path("partial");
        using var cancel = new CancellationTokenSource();
        var output = new CancelOnProgress(cancel, new Regex(@"baseline: [1-9][0-9]*/20 replications"));
        var r = await _cli.Run(null, output, cancel.Token, "run", "--scenario", "baseline", "--replications", "20", "--concurrency", "1",
            "--scale", "0.01", "--granularity", "enterprise", "--out", dir);
        Assert.True(cancel.IsCancellationRequested, "progress never showed a finished replication");
        Assert.True(r.ExitCode == 130, $"exit {r.ExitCode}: {r.Error}");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.True(manifest["partial"]!.GetValue<bool>());
        int completed = manifest["completed_replications"]!.GetValue<int>();
        Assert.InRange(completed, 1, 19);
        var replications = File.ReadAllLines(Path.Combine(dir, "goals.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count();
        Assert.Equal(completed, replications);
        Assert.Contains("marked partial", r.Error);
        Assert.Empty(Directory.GetDirectories(_cli.Temp, ".*partial*"));
    }
}
