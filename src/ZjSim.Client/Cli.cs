using System.CommandLine;
using Spectre.Console;
using ZjSim.Client.Commands;
using ZjSim.GrainInterfaces;

namespace ZjSim.Client;

/// <summary>The `zjsim` command line. Parse errors exit with code 2 and one message, like every other bad input.</summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        var configOption = new Option<string?>("--config") { Description = "The config folder (default: the nearest config/ above the working directory, or ZJSIM_CONFIG)", Recursive = true };
        var clusterOption = new Option<string?>("--cluster") { Description = "Run on the ZjSim cluster whose membership is in this Redis (redis://HOST:PORT) instead of an embedded silo", Recursive = true };

        var scenario = new Option<string>("--scenario", "-s") { Description = "A scenario name under config/scenarios, or a path to a scenario .json file", Required = true };
        var replications = new Option<int>("--replications", "-n") { Description = "Number of replications", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random streams", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: a new folder under runs/)" };
        var granularity = new Option<Granularity>("--granularity") { Description = "cluster (cluster grains step their enterprises in batch) or enterprise (one grain per enterprise)", DefaultValueFactory = _ => Granularity.Cluster };
        var scale = new Option<double?>("--scale") { Description = "Share of the province to simulate, in (0, 1] (default 1: province scale)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Replications in flight at once (default: max(2, cores))" };
        var run = new Command("run", "Run a scenario's replications on an embedded silo (or the --cluster) and check the 2027 goals")
        {
            scenario, replications, seed, output, granularity, scale, concurrency,
        };

        var runId = new Argument<string>("RUN_ID") { Description = "The run id that `zjsim run` printed" };
        var attachOutput = new Option<string?>("--out", "-o") { Description = "Output folder (default: runs/RUN_ID)" };
        var attach = new Command("attach", "Reconnect to a run on the cluster (--cluster), follow it to the end and write its results") { runId, attachOutput };

        var root = new RootCommand("ZjSim: Monte Carlo simulation of Zhejiang's enterprise digital transformation, on Microsoft Orleans") { configOption, clusterOption, run, attach };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"zjsim: {e.Message}");
            error.WriteLine("Try 'zjsim --help'.");
            return ExitCodes.BadInput;
        }

        if (parsed.CommandResult.Command == run && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            var options = new RunOptions(
                parsed.GetValue(scenario)!, parsed.GetValue(replications), parsed.GetValue(seed), parsed.GetValue(output),
                parsed.GetValue(granularity), parsed.GetValue(scale), parsed.GetValue(configOption), parsed.GetValue(concurrency));
            return await RunCommand.ExecuteAsync(options, console, error, cancellation, parsed.GetValue(clusterOption));
        }
        if (parsed.CommandResult.Command == attach && !args.Any(a => a is "-h" or "--help" or "-?"))
            return await AttachCommand.ExecuteAsync(parsed.GetValue(runId)!, parsed.GetValue(attachOutput), parsed.GetValue(configOption),
                parsed.GetValue(clusterOption), console, error, cancellation);

        // Help, version, or no command: let System.CommandLine print its text.
        var config = new InvocationConfiguration { Output = new AnsiTextWriter(console), Error = error };
        int code = await parsed.InvokeAsync(config, cancellation);
        return parsed.CommandResult.Command == root && args.Length == 0 ? ExitCodes.BadInput : code;
    }

    /// <summary>Routes help text through the same console as everything else (tests capture it).</summary>
    private sealed class AnsiTextWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => console.Write(value.ToString());
        public override void Write(string? value) { if (value is not null) console.Write(new Text(value)); }
        public override void WriteLine(string? value) => console.WriteLine(value ?? "");
    }
}
