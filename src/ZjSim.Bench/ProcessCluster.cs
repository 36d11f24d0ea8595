using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using StackExchange.Redis;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.Model.Scenarios;

namespace ZjSim.Bench;

/// <summary>
/// zjsim-bench --processes (issue 15, "Scaling beyond one machine"): a redis-server of its own on a free loopback port
/// with a generated password, then 1, 2 and 3 zjsim-silo processes (the built silo, each with --metrics-out), and the
/// same work from a client connected through Redis, as `zjsim --cluster` connects: a warm-up run, then measured runs of
/// the baseline at province scale with the scenario's median parameters. Per configuration it reports throughput and,
/// per replication, the grain calls and messages (Orleans' own meter, read in each silo), the bytes sent between silos
/// and between client and gateway, the Redis commands that write (INFO commandstats before and after), the grain
/// storage writes, and the CPU of the silos, of Redis and of the client. It stops exactly the processes it started
/// (SIGTERM, then SIGKILL after 15 s), also on failure or Ctrl+C.
/// </summary>
public static class ProcessCluster
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90), StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Lanes of every run: the same for 1, 2 and 3 silos, and enough for each of three silos to hold two.</summary>
    public const int Lanes = 6;

    public sealed record Figure(
        int Silos, int Replications, int Runs, double Seconds, double EnterpriseYearsPerSecond, double ReplicationsPerSecond,
        double GrainCalls, double ClientCalls, double Messages, double LocalMessages, double SiloToSiloMessages, double SiloToSiloBytes,
        double LargeSiloToSiloMessages, double LargeSiloToSiloBytes,
        double ClientGatewayBytes, double RedisWrites, double RedisCommandsPerReplication, double RedisBytesIn, double StorageWrites,
        double StorageWriteMilliseconds, double SiloCpuMilliseconds, double RedisCpuMilliseconds, double ClientCpuMilliseconds,
        double RedisCommandMilliseconds, double StorageScripts, double FetchMillisecondsPerReplication,
        Dictionary<string, double> RedisWritesByCommand, Dictionary<string, double> RedisCommands);

    public sealed record Figures(Machine Machine, bool Quick, int WarmUp, int Replications, int Runs, int Lanes,
        Reference Embedded, List<Figure> Configurations, double? OtherCores);

    /// <summary>The same work on an embedded silo in the bench's process: throughput and the process's CPU per replication.</summary>
    public sealed record Reference(double EnterpriseYearsPerSecond, double ReplicationsPerSecond, double CpuMilliseconds);

    /// <summary>
    /// The measured runs, one after another: wall time (start to outcomes fetched), the median enterprise-years per
    /// second, and the time to fetch the outcomes per replication.
    /// </summary>
    private static async Task<(double Seconds, double Rate, double FetchMilliseconds)> MeasuredRuns(IGrainFactory grains, List<RunRequest> requests,
        CancellationToken cancellation)
    {
        var rates = new List<double>();
        double seconds = 0, fetch = 0;
        foreach (var request in requests)
        {
            // Polled every 25 ms: the wall time is within that of the run's, and the polls are few beside the run's calls.
            var follower = new RunFollower(grains) { PollInterval = TimeSpan.FromMilliseconds(25) };
            var clock = Stopwatch.StartNew();
            await follower.StartAsync([request]);
            var (progress, _) = await follower.FollowAsync([request], (_, _) => { }, cancellation);
            if (progress[0].Error is string error) throw new BenchException($"the run failed: {error}");
            double runSeconds = clock.Elapsed.TotalSeconds;
            var outcomes = await follower.FetchAsync(request);
            double total = clock.Elapsed.TotalSeconds;
            if (outcomes.Length != request.Replications) throw new BenchException($"{outcomes.Length} of {request.Replications} outcomes fetched");
            fetch += (total - runSeconds) * 1000 / request.Replications;
            seconds += total;
            rates.Add(progress[0].EnterpriseYears / total);
        }
        return (seconds, Median.Of(rates), fetch / requests.Count);
    }

    public static async Task<Figures> MeasureAsync(string config, bool quick, Action<string> say, CancellationToken cancellation)
    {
        int warmUp = quick ? 30 : 100, replications = quick ? 60 : 200, runs = quick ? 1 : 3;
        string silo = SiloAssembly(config);
        var cluster = new Processes();
        // A Ctrl+C or SIGTERM of the bench still stops what it started.
        using var onExit = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => cluster.Dispose());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        var load = new ProcessLoad();
        try
        {
            // The same work on the embedded silo in this process, for reference: no process boundary, no Redis.
            say("reference: the same work on an embedded silo in this process");
            Reference embedded;
            await using (var local = await EmbeddedSilos.StartAsync(1, null, Microsoft.Extensions.Logging.LogLevel.Error, cancellation))
            {
                await RunDriver.RunAsync(local.Grains, RunDriver.Request(config, "baseline", 1.0, warmUp, 1, Granularity.Cluster, Lanes));
                var requests = Enumerable.Range(0, runs).Select(_ => RunDriver.Request(config, "baseline", 1.0, replications, 1, Granularity.Cluster, Lanes)).ToList();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var (seconds, rate, _) = await MeasuredRuns(local.Grains, requests, cancellation);
                embedded = new Reference(rate, replications * runs / seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (replications * runs));
            }
            await cluster.StartRedis(cancellation);
            using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.RedisOptions);
            var figures = new List<Figure>();
            foreach (int n in new[] { 1, 2, 3 })
            {
                say($"{n} zjsim-silo process{(n == 1 ? "" : "es")} on loopback, Redis at 127.0.0.1:{cluster.RedisPort}");
                // Silos of the previous configuration left the cluster: their membership rows go, as cluster-up does.
                await redis.GetDatabase().KeyDeleteAsync(RedisAddress.MembershipKey);
                var silos = new List<Processes.Silo>();
                for (int i = 0; i < n; i++) silos.Add(cluster.StartSilo(silo));
                foreach (var s in silos) await s.Ready(StartTimeout, cancellation);
                var client = await ServiceConnection.ConnectAsync(RedisAddress.Parse(cluster.Address), null, cancellation);
                try
                {
                    var grains = client.Grains;
                    await RunDriver.RunAsync(grains, RunDriver.Request(config, "baseline", 1.0, warmUp, 1, Granularity.Cluster, Lanes));

                    // The requests are made before the counts start: loading a scenario is the client's, not the run's.
                    var requests = Enumerable.Range(0, runs).Select(_ => RunDriver.Request(config, "baseline", 1.0, replications, 1, Granularity.Cluster, Lanes)).ToList();
                    var before = await Snapshot(silos, redis, cluster, cancellation);
                    var (seconds, rate, fetch) = await MeasuredRuns(grains, requests, cancellation);
                    var after = await Snapshot(silos, redis, cluster, cancellation);
                    figures.Add(Per(n, replications, runs, seconds, rate, fetch, before, after));
                    say($"  {figures[^1].ReplicationsPerSecond:F1} replications/s; stopping the silos");
                }
                finally
                {
                    await client.DisposeAsync();
                }
                foreach (var s in silos) await s.Stop(StopTimeout);
            }
            return new Figures(Machine.Describe(), quick, warmUp, replications, runs, Lanes, embedded, figures, load.OtherCores(cluster.ChildCpuSeconds));
        }
        finally
        {
            await cluster.StopAll(StopTimeout);
        }
    }

    /// <summary>Cumulative counts at one moment: each silo's metrics file (written after this call began), Redis, CPU.</summary>
    private sealed record Counts(Dictionary<string, (long Count, double Sum)> Totals, long Local, double SiloCpu, double ClientCpu,
        Dictionary<string, long> RedisCalls, double RedisCpu, long RedisBytesIn, long RedisCommandMicroseconds);

    private static async Task<Counts> Snapshot(List<Processes.Silo> silos, ConnectionMultiplexer redis, Processes cluster, CancellationToken cancellation)
    {
        var asked = DateTime.UtcNow;
        var totals = new Dictionary<string, (long, double)>();
        long local = 0;
        double siloCpu = 0;
        foreach (var s in silos)
        {
            var doc = await s.MetricsWrittenAfter(asked, TimeSpan.FromSeconds(10), cancellation);
            local += doc.GetProperty("local_messages").GetInt64();
            foreach (var p in doc.GetProperty("totals").EnumerateObject())
            {
                var (count, sum) = totals.GetValueOrDefault(p.Name);
                totals[p.Name] = (count + p.Value.GetProperty("count").GetInt64(), sum + p.Value.GetProperty("sum").GetDouble());
            }
            siloCpu += s.CpuSeconds();
        }
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var info = new Dictionary<string, string>();
        foreach (string section in new[] { "commandstats", "cpu", "stats" })
            foreach (var kv in (await server.InfoAsync(section)).SelectMany(g => g)) info[kv.Key] = kv.Value;
        var stats = info.Where(kv => kv.Key.StartsWith("cmdstat_", StringComparison.Ordinal)).ToList();
        var calls = stats.ToDictionary(kv => kv.Key["cmdstat_".Length..], kv => long.Parse(Field(kv.Value, "calls"), CultureInfo.InvariantCulture));
        // Redis' own time in commands, less the bench's INFO calls.
        long usec = stats.Where(kv => kv.Key != "cmdstat_info").Sum(kv => long.Parse(Field(kv.Value, "usec"), CultureInfo.InvariantCulture));
        double redisCpu = double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture);
        long bytesIn = long.Parse(info["total_net_input_bytes"], CultureInfo.InvariantCulture);
        return new Counts(totals, local, siloCpu, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, calls, redisCpu, bytesIn, usec);
    }

    private static string Field(string stats, string name) =>
        stats.Split(',').Select(f => f.Split('=')).First(f => f[0] == name)[1];

    /// <summary>Commands that change data (Orleans' storage and membership write through scripts, hashes and keys).</summary>
    private static readonly HashSet<string> Writes = new(StringComparer.OrdinalIgnoreCase)
    {
        "set", "setex", "psetex", "setnx", "mset", "getset", "getdel", "hset", "hmset", "hsetnx", "hdel", "hincrby", "del", "unlink",
        "expire", "pexpire", "expireat", "persist", "incr", "incrby", "decr", "append", "lpush", "rpush", "lpop", "rpop", "lrem", "ltrim",
        "sadd", "srem", "zadd", "zrem", "zincrby", "xadd", "rename", "eval", "evalsha", "fcall", "publish",
    };

    private static Figure Per(int silos, int replications, int runs, double seconds, double rate, double fetch, Counts a, Counts b)
    {
        double n = (double)replications * runs;
        (long Count, double Sum) Delta(Func<string, bool> which)
        {
            long count = 0;
            double sum = 0;
            foreach (var (key, v) in b.Totals.Where(kv => which(kv.Key)))
            {
                var was = a.Totals.GetValueOrDefault(key);
                count += v.Count - was.Count;
                sum += v.Sum - was.Sum;
            }
            return (count, sum);
        }
        // Keys are "sent/CONNECTION/MESSAGE" and "received/CONNECTION/MESSAGE" (Orleans' ConnectionDirection and
        // message direction), and "storage-writes".
        var siloToSilo = Delta(k => k.StartsWith("sent/SiloToSilo/", StringComparison.Ordinal));
        var large = Delta(k => k.StartsWith("sent/SiloToSilo/", StringComparison.Ordinal) && k.EndsWith("/large", StringComparison.Ordinal));
        var gateway = Delta(k => k.StartsWith("sent/GatewayToClient/", StringComparison.Ordinal) || k.StartsWith("received/GatewayToClient/", StringComparison.Ordinal)
            || k.StartsWith("sent/ClientToGateway/", StringComparison.Ordinal) || k.StartsWith("received/ClientToGateway/", StringComparison.Ordinal));
        var remoteRequests = Delta(k => k.StartsWith("sent/SiloToSilo/Request/", StringComparison.Ordinal) || k.StartsWith("sent/SiloToSilo/OneWay/", StringComparison.Ordinal));
        var clientRequests = Delta(k => k.StartsWith("received/", StringComparison.Ordinal) && !k.Contains("SiloToSilo", StringComparison.Ordinal)
            && (k.Contains("/Request/", StringComparison.Ordinal) || k.Contains("/OneWay/", StringComparison.Ordinal)));
        var remoteAll = Delta(k => k.StartsWith("sent/", StringComparison.Ordinal));
        var storage = Delta(k => k == "storage-writes");
        long local = b.Local - a.Local;
        var byCommand = b.RedisCalls.Select(kv => (kv.Key, Calls: kv.Value - a.RedisCalls.GetValueOrDefault(kv.Key)))
            .Where(c => c.Calls > 0).ToList();
        var writes = byCommand.Where(c => Writes.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Calls / n);
        return new Figure(silos, replications, runs, seconds, rate, n / seconds,
            // A local message is a request or its response: half of them are calls.
            GrainCalls: (remoteRequests.Count + clientRequests.Count + local / 2.0) / n,
            ClientCalls: clientRequests.Count / n,
            Messages: (remoteAll.Count + local) / n,
            LocalMessages: local / n,
            SiloToSiloMessages: siloToSilo.Count / n,
            SiloToSiloBytes: siloToSilo.Sum / n,
            LargeSiloToSiloMessages: large.Count / n,
            LargeSiloToSiloBytes: large.Sum / n,
            ClientGatewayBytes: gateway.Sum / n,
            RedisWrites: writes.Values.Sum(),
            RedisCommandsPerReplication: byCommand.Sum(c => c.Calls) / n,
            RedisBytesIn: (b.RedisBytesIn - a.RedisBytesIn) / n,
            StorageWrites: storage.Count / n,
            StorageWriteMilliseconds: storage.Count > 0 ? storage.Sum / storage.Count : 0,
            SiloCpuMilliseconds: (b.SiloCpu - a.SiloCpu) * 1000 / n,
            RedisCpuMilliseconds: (b.RedisCpu - a.RedisCpu) * 1000 / n,
            ClientCpuMilliseconds: (b.ClientCpu - a.ClientCpu) * 1000 / n,
            RedisCommandMilliseconds: (b.RedisCommandMicroseconds - a.RedisCommandMicroseconds) / 1000.0 / n,
            // Orleans' Redis grain storage writes with a script (check the etag, then HMSET): one round trip per write.
            StorageScripts: byCommand.Where(c => c.Key is "evalsha" or "eval").Sum(c => c.Calls) / n,
            FetchMillisecondsPerReplication: fetch,
            RedisWritesByCommand: writes,
            RedisCommands: byCommand.ToDictionary(c => c.Key, c => c.Calls / n));
    }

    /// <summary>The built zjsim-silo next to the config folder's repository (Release first), or a clear message.</summary>
    private static string SiloAssembly(string config)
    {
        string root = Path.GetDirectoryName(Path.GetFullPath(config).TrimEnd(Path.DirectorySeparatorChar))!;
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string dll = Path.Combine(root, "src", "ZjSim.Silo", "bin", configuration, "net10.0", "zjsim-silo.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new BenchException($"zjsim-silo is not built under {root}/src/ZjSim.Silo/bin: dotnet build src/ZjSim.Silo -c Release");
    }

    public static void Table(TextWriter o, Figures f)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine($"zjsim-bench --processes: zjsim-silo processes on loopback with Redis ({f.Machine.Cores} cores, {f.Machine.Cpu}, {f.Machine.Runtime})");
        o.WriteLine($"baseline, province scale, median parameters; per configuration fresh silos, a warm-up of {f.WarmUp} replications, then {f.Runs} run(s) of {f.Replications} replications on {f.Lanes} lanes");
        o.WriteLine();
        o.WriteLine("                         |            per replication: Orleans (all silos)              |   per replication: Redis        | CPU ms per replication");
        o.WriteLine("silos  ey/s      repl/s  | calls  (client)  messages  silo-silo msgs  silo-silo KB  gw KB | writes  scripts  KB in  ms      | silos   Redis  client");
        foreach (var x in f.Configurations)
            o.WriteLine(string.Create(c,
                $"{x.Silos,-6} {x.EnterpriseYearsPerSecond,-9:0.00e0} {x.ReplicationsPerSecond,6:F1}  | {x.GrainCalls,5:F1}  {x.ClientCalls,7:F1}  {x.Messages,8:F1}  {x.SiloToSiloMessages,14:F1}  {x.SiloToSiloBytes / 1024,12:F1}  {x.ClientGatewayBytes / 1024,5:F1} | {x.RedisWrites,6:F2}  {x.StorageScripts,7:F2}  {x.RedisBytesIn / 1024,5:F1}  {x.RedisCommandMilliseconds,6:F3}  | {x.SiloCpuMilliseconds,5:F1}  {x.RedisCpuMilliseconds,6:F2}  {x.ClientCpuMilliseconds,6:F2}"));
        var e = f.Embedded;
        o.WriteLine(string.Create(c, $"{"embedded",-6} {e.EnterpriseYearsPerSecond,-9:0.00e0} {e.ReplicationsPerSecond,6:F1}  | the same work on one silo in the bench's process (reference)                                  | {e.CpuMilliseconds,5:F1} (silo and client)"));
        o.WriteLine();
        foreach (var x in f.Configurations)
            o.WriteLine(string.Create(c, $"  {x.Silos} silo(s): silo-silo messages of 64 KB or more {x.LargeSiloToSiloMessages:F3} per replication, {x.LargeSiloToSiloBytes / 1024:F1} KB of the {x.SiloToSiloBytes / 1024:F1}; {x.LocalMessages:F1} messages per replication stayed in a silo; fetching the outcomes {x.FetchMillisecondsPerReplication:F2} ms per replication; Redis commands per replication: {string.Join(", ", x.RedisCommands.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:F3}"))}"));
        o.WriteLine("calls: grain calls (requests) made by silos and the client, (client): those of the client; silo-silo: messages and bytes sent from silo to silo;");
        o.WriteLine("gw KB: bytes between the client and its gateway; writes: Redis commands that write (a storage script and the HMSET it runs count 2);");
        o.WriteLine("scripts: Orleans' storage writes (EVALSHA); ms: Redis' time in commands; CPU: process CPU time over the measured runs");
        o.WriteLine(f.OtherCores is double other ? string.Create(c, $"other processes used {other:F2} of the {f.Machine.Cores} cores") : "machine load unknown");
    }

    public static void Json(TextWriter o, Figures f) =>
        o.WriteLine(JsonSerializer.Serialize(f, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>CPU used by other processes than this one and the ones it started, from /proc/stat.</summary>
    private sealed class ProcessLoad
    {
        private readonly MachineLoad _machine = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        public double? OtherCores(IEnumerable<double> childCpuSeconds) =>
            _machine.OtherCores() is double others ? Math.Max(0, others - childCpuSeconds.Sum() / _clock.Elapsed.TotalSeconds) : null;
    }

    /// <summary>The processes the bench started: Redis and silos. Only these are ever signalled.</summary>
    private sealed class Processes : IDisposable
    {
        private readonly List<Child> _children = [];
        private readonly string _folder = Directory.CreateTempSubdirectory("zjsim-bench-processes-").FullName;
        private readonly string _password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        private Child? _redis;

        public int RedisPort { get; private set; }
        public string Address => $"redis://:{_password}@127.0.0.1:{RedisPort}";
        public ConfigurationOptions RedisOptions => new() { EndPoints = { { "127.0.0.1", RedisPort } }, Password = _password, AllowAdmin = true };

        /// <summary>CPU seconds of every process started, for the load of the machine's other processes.</summary>
        public IEnumerable<double> ChildCpuSeconds => _children.Select(c => c.CpuSeconds()).ToList();

        public async Task StartRedis(CancellationToken cancellation)
        {
            string redis = new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin" }
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
                .Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists)
                ?? throw new BenchException("redis-server is not installed: apt-get install -y redis-server");
            RedisPort = LoopbackPort.Free();
            // The password in a configuration read from stdin, never on a command line that ps shows.
            _redis = Start("redis-server", redis, ["-"]);
            await _redis.Input($"bind 127.0.0.1\nport {RedisPort}\nprotected-mode yes\nrequirepass {_password}\nsave \"\"\nappendonly no\ndaemonize no\ndir {_folder}\n");
            await _redis.WaitFor(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), StartTimeout, cancellation);
        }

        public sealed class Silo(Child process, string metrics)
        {
            public Task Ready(TimeSpan timeout, CancellationToken cancellation) =>
                process.WaitFor(l => l.StartsWith("zjsim-silo: ready", StringComparison.Ordinal), timeout, cancellation);

            public double CpuSeconds() => process.CpuSeconds();

            public Task Stop(TimeSpan timeout) => process.Stop(timeout);

            /// <summary>The silo's metrics file once it holds a write made after <paramref name="after"/>.</summary>
            public async Task<JsonElement> MetricsWrittenAfter(DateTime after, TimeSpan timeout, CancellationToken cancellation)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (true)
                {
                    if (File.Exists(metrics))
                    {
                        var doc = JsonDocument.Parse(await File.ReadAllTextAsync(metrics, cancellation)).RootElement;
                        if (doc.GetProperty("written_utc").GetDateTime().ToUniversalTime() > after) return doc;
                    }
                    if (process.HasExited) throw new BenchException($"zjsim-silo pid {process.Pid} exited: {process.Tail()}");
                    if (DateTime.UtcNow > deadline) throw new BenchException($"zjsim-silo pid {process.Pid} wrote no metrics to {metrics} within {timeout.TotalSeconds:0} s");
                    await Task.Delay(100, cancellation);   // the silo writes every second
                }
            }
        }

        private int _silos;

        public Silo StartSilo(string assembly)
        {
            int index = ++_silos;
            string metrics = Path.Combine(_folder, $"silo-{index}.json");
            var child = Start($"silo {index}", "dotnet", [assembly, "--cluster", Address, "--silo-port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
                "--gateway-port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture), "--metrics-out", metrics]);
            return new Silo(child, metrics);
        }

        private Child Start(string name, string file, string[] arguments)
        {
            var child = new Child(name, file, arguments, _folder);
            lock (_children) _children.Add(child);
            return child;
        }

        public async Task StopAll(TimeSpan timeout)
        {
            Child[] all;
            lock (_children) all = [.. _children];
            // Silos first, so that they leave the cluster while Redis still answers.
            await Task.WhenAll(all.Where(c => c != _redis).Select(c => c.Stop(timeout)));
            if (_redis is not null) await _redis.Stop(timeout);
            foreach (var c in all) c.Dispose();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
        }

        /// <summary>The last resort (the bench itself stopped): SIGKILL to every child still running.</summary>
        public void Dispose()
        {
            lock (_children)
                foreach (var c in _children) c.Kill();
        }
    }

    public sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly string _name;
        private double _cpuAtExit;

        public Child(string name, string file, string[] arguments, string folder)
        {
            _name = name;
            var start = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Add(e.Data);
            _process.ErrorDataReceived += (_, e) => Add(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Pid => _process.Id;
        public bool HasExited => _process.HasExited;

        private void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                _lines.Add(line);
                if (_lines.Count > 2000) _lines.RemoveRange(0, 1000);   // a chatty silo's log is drained, not kept
            }
            _arrived.Release();
        }

        public string Tail()
        {
            lock (_lines) return string.Join(" / ", _lines.TakeLast(5));
        }

        public async Task Input(string text)
        {
            await _process.StandardInput.WriteAsync(text);
            _process.StandardInput.Close();
        }

        public async Task WaitFor(Func<string, bool> test, TimeSpan timeout, CancellationToken cancellation)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_lines) if (_lines.Any(test)) return;
                if (_process.HasExited) throw new BenchException($"{_name} (pid {_process.Id}) exited with code {_process.ExitCode}: {Tail()}");
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new BenchException($"{_name} (pid {_process.Id}) not ready within {timeout.TotalSeconds:0} s: {Tail()}");
                await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500), cancellation);
            }
        }

        public double CpuSeconds()
        {
            try { return _process.HasExited ? _cpuAtExit : _process.TotalProcessorTime.TotalSeconds; }
            catch (InvalidOperationException) { return _cpuAtExit; }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        private const int SigTerm = 15;

        /// <summary>SIGTERM, then SIGKILL if it has not left within <paramref name="timeout"/>.</summary>
        public async Task Stop(TimeSpan timeout)
        {
            if (_process.HasExited) return;
            _cpuAtExit = CpuSeconds();
            kill(_process.Id, SigTerm);
            using var wait = new CancellationTokenSource(timeout);
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { Kill(); }
        }

        public void Kill()
        {
            try { if (!_process.HasExited) _process.Kill(); }
            catch (InvalidOperationException) { }
        }

        public void Dispose() => _process.Dispose();
    }
}

/// <summary>A problem that stops the bench with one line on stderr and exit code 2.</summary>
public sealed class BenchException(string message) : Exception(message);

/// <summary>zjsim-bench --processes: measures, prints the table (and with --json the JSON on stdout), stops what it started.</summary>
public static class ProcessClusterCommand
{
    public static async Task<int> RunAsync(bool json, bool quick)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            var figures = await ProcessCluster.MeasureAsync(ConfigDirectory.Locate(), quick,
                s => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {s}"), cancel.Token);
            ProcessCluster.Table(json ? Console.Error : Console.Out, figures);
            if (json) ProcessCluster.Json(Console.Out, figures);
            return 0;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"zjsim-bench --processes: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("zjsim-bench --processes: cancelled; the processes it started are stopped");
            return 130;
        }
    }
}
