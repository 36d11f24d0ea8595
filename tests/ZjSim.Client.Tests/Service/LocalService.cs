using ZjSim.Hosting;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// A real ZjSim cluster on loopback for one test: a redis-server of its own and zjsim-silo processes, on free
/// ports, in a temporary folder. Dispose kills exactly the processes it started and removes the folder.
/// </summary>
public sealed class LocalService : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<ChildProcess> _processes = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("zjsim-cluster-").FullName;
    public int RedisPort { get; private set; }

    /// <summary>Redis asks for this password, as the Redis of scripts/cluster-up.sh does.</summary>
    public string Password { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public string Address => $"redis://:{Password}@127.0.0.1:{RedisPort}";

    /// <summary>The address as zjsim prints it: the password redacted.</summary>
    public string ShownAddress => $"redis://***@127.0.0.1:{RedisPort}";
    public List<Silo> Silos { get; } = [];

    public sealed record Silo(ChildProcess Process, int SiloPort, int GatewayPort);

    /// <summary>Starts Redis and one silo per entry of <paramref name="gateways"/> (false: a silo without a gateway).</summary>
    public static async Task<LocalService> StartAsync(params bool[] gateways)
    {
        var cluster = new LocalService();
        try
        {
            await cluster.StartRedis();
            foreach (bool gateway in gateways) cluster.StartSilo(gateway);
            foreach (var silo in cluster.Silos)
                await silo.Process.WaitForLine(l => l.StartsWith("zjsim-silo: ready", StringComparison.Ordinal), StartTimeout, "ready line");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartRedis()
    {
        string redis = FindOnPath("redis-server")
            ?? throw new InvalidOperationException(
                "redis-server is not installed, and the real-process cluster test needs it: apt-get install -y redis-server (.ci/run does this)");
        RedisPort = LoopbackPort.Free();
        string data = Path.Combine(Folder, "redis");
        Directory.CreateDirectory(data);
        var process = Track(new ChildProcess("redis-server", redis,
            ["--bind", "127.0.0.1", "--port", RedisPort.ToString(), "--protected-mode", "yes", "--requirepass", Password, "--dir", data,
             "--save", "", "--appendonly", "no", "--daemonize", "no"]));
        await process.WaitForLine(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), StartTimeout, "Redis ready line");
    }

    /// <summary>Starts one more silo (with a gateway unless told otherwise) and waits until it is ready.</summary>
    public async Task<Silo> AddSilo(bool gateway = true)
    {
        StartSilo(gateway);
        var silo = Silos[^1];
        await silo.Process.WaitForLine(l => l.StartsWith("zjsim-silo: ready", StringComparison.Ordinal), StartTimeout, "ready line");
        return silo;
    }

    /// <summary>Extra zjsim-silo options for the silos started after this is set (such as --keep-runs).</summary>
    public string[] SiloOptions { get; set; } = [];

    private void StartSilo(bool gateway)
    {
        int siloPort = LoopbackPort.Free(), gatewayPort = gateway ? LoopbackPort.Free() : 0;
        var process = Track(new ChildProcess($"silo {Silos.Count + 1}", "dotnet",
            [Binaries.Silo, "--cluster", Address, "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(), .. SiloOptions], Folder));
        Silos.Add(new Silo(process, siloPort, gatewayPort));
    }

    /// <summary>
    /// Until the surviving silos have declared <paramref name="silo"/> dead in the membership table (Redis). Two silos
    /// lost before the first is declared dead leave a lone survivor short of the votes to declare either, for as long
    /// as both still count as live (about 90 s): a test that kills twice waits for the first death in between.
    /// </summary>
    public async Task WaitUntilDeclaredDead(Silo silo, TimeSpan timeout)
    {
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisPort},password={Password}");
        var deadline = DateTime.UtcNow + timeout;
        string address = $":{silo.SiloPort}:";   // rows are keyed "S127.0.0.1:PORT:GENERATION"
        while (true)
        {
            var rows = await redis.GetDatabase().HashGetAllAsync($"{ZjSim.Hosting.RedisAddress.MembershipKey}");
            var row = rows.FirstOrDefault(r => r.Name.ToString().Contains(address, StringComparison.Ordinal));
            string value = row.Value.ToString();
            if (value.Contains("\"Status\":6", StringComparison.Ordinal) || value.Contains("\"Status\":\"Dead\"", StringComparison.Ordinal)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"silo {silo.SiloPort} not declared dead within {timeout.TotalSeconds:0} s; its row: {value}");
            await Task.Delay(250);   // a poll of the table's state, bounded by the deadline above
        }
    }

    /// <summary>Starts a process that Dispose will kill, such as the client.</summary>
    public ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var p in _processes) p.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }


    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"])
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
