namespace ZjSim.Client.Tests.Commands;

/// <summary>The global --cluster and `attach`: a bad address or a cluster out of reach is one message, exit code 2, nothing written.</summary>
public sealed class ClusterInputTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private async Task Rejected(string expectedInMessage, params string[] args)
    {
        string dir = _cli.Path("out");
        var r = await _cli.Run([.. args, "--out", dir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expectedInMessage, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any(), "the output folder must stay empty");
        Assert.Empty(Directory.GetDirectories(_cli.Temp, ".*partial*"));
    }

    [Fact]
    public Task Malformed_cluster_address() =>
        Rejected("zjsim run: --cluster: 'http://127.0.0.1:6379' is not a Redis address", "--cluster", "http://127.0.0.1:6379", "run", "--scenario", "baseline");

    [Fact]
    public Task Redis_out_of_reach()
    {
        int port = ClosedPort();
        return Rejected($"zjsim run: cannot reach Redis at redis://127.0.0.1:{port}", "--cluster", $"redis://127.0.0.1:{port}", "run", "--scenario", "baseline");
    }

    [Fact]
    public Task Attach_without_a_cluster() =>
        Rejected("zjsim attach: needs --cluster", "attach", "20261129-130741-baseline-s1-179bc1");

    [Fact]
    public Task Bad_input_is_reported_before_the_cluster_is_tried() =>
        Rejected("--replications: must be at least 1", "--cluster", "redis://127.0.0.1:1", "run", "--scenario", "baseline", "--replications", "0");

    /// <summary>A loopback port nothing listens on.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
