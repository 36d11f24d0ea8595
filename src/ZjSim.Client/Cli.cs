using System.CommandLine;
using Spectre.Console;
using ZjSim.Client.Commands;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.Hosting.Telemetry;
using ZjSim.Model.Scenarios;
using CrashLog = ZjSim.CrashLog;

namespace ZjSim.Client;

/// <summary>
/// The `zjsim` command line. Parsing is System.CommandLine's; each command's work is in Commands/.
/// Parse errors exit with code 2 and one message, like every other bad input.
/// </summary>
public static class Cli
{
    /// <summary>
    /// The top guard: known bad input is one line and exit code 2 (the commands name the file and field);
    /// anything unforeseen is one line naming what failed, exit code 1, and its full trace in a log file
    /// (<see cref="CrashLog"/>) whose path the line gives. Never a stack trace on the terminal.
    /// </summary>
    /// <param name="adjustTelemetry">Lets tests attach in-memory exporters to what the options chose.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellation,
        Func<TelemetryOptions, TelemetryOptions>? adjustTelemetry = null)
    {
        error = new Output.OneLineMessages(error);
        try
        {
            return await RunCommandAsync(args, console, error, cancellation, adjustTelemetry);
        }
        catch (Exception e) when (e is UsageException or ConfigException or ServiceUnreachableException)
        {
            error.WriteLine($"zjsim: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("zjsim: cancelled; nothing was written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            error.WriteLine(CrashLog.Line("zjsim", e, CrashLog.Write("zjsim", e, args)));
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> RunCommandAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellation,
        Func<TelemetryOptions, TelemetryOptions>? adjustTelemetry)
    {
        var config = new Option<string?>("--config") { Description = "The config folder (default: the nearest config/ above the working directory, or $ZJSIM_CONFIG)", Recursive = true };
        var cluster = new Option<string?>("--cluster") { Description = "Run on the ZjSim cluster whose membership is in this Redis (redis://[:PASSWORD@]HOST:PORT) instead of an embedded silo", Recursive = true };

        // Options shared by run and compare.
        var replications = new Option<int>("--replications", "-n") { Description = "Number of replications", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random streams", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder; must be new or empty (default: a new folder under runs/)" };
        var granularity = new Option<Granularity>("--granularity") { Description = "cluster (cluster grains step their enterprises in batch) or enterprise (one grain per enterprise)", DefaultValueFactory = _ => Granularity.Cluster };
        var scale = new Option<double?>("--scale") { Description = "Share of the province to simulate, in (0, 1] (default 1: province scale)" };
        var parametersSource = new Option<ParameterSource>("--parameters")
        {
            Description = "posterior: each replication draws one joint particle of the calibrated posterior (default); median: the posterior medians in every replication (no parameter uncertainty); prior: every uncertain parameter drawn from config/zhejiang/priors.json",
            DefaultValueFactory = _ => ParameterSource.Posterior,
        };
        var by = new Option<string?>("--by") { Description = "Also write outputs per cluster (by_cluster.csv/.parquet) or per sector (by_sector.csv/.parquet): coverage, smart and future factories, output, platforms", HelpName = "cluster|sector" };
        by.Validators.Add(r =>
        {
            // One message that names the option (the library's own lists the choices without it).
            string? value = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (value is not null && value is not ("cluster" or "sector")) r.AddError($"--by: must be cluster or sector (got '{value}')");
        });
        var concurrency = new Option<int?>("--concurrency") { Description = "Lanes per scenario: batches of replications in flight at once (default: four to a core)" };

        var telemetry = new Option<TelemetryExport>("--telemetry") { Description = "off, console (print spans, metrics and logs) or otlp (send them to a collector)", DefaultValueFactory = _ => TelemetryExport.Off };
        var otlpEndpoint = new Option<string?>("--otlp-endpoint") { Description = "OTLP collector address (implies --telemetry otlp; default $OTEL_EXPORTER_OTLP_ENDPOINT, else http://localhost:4318)" };
        var otlpGrpc = new Option<bool>("--otlp-grpc") { Description = "Send OTLP over gRPC (port 4317) instead of HTTP/protobuf" };

        var scenario = new Option<string>("--scenario", "-s") { Description = "A scenario name under config/scenarios, or a path to a scenario .json file", Required = true };
        var run = new Command("run", "Run a scenario's replications on an embedded silo (or the --cluster) and check the 2027 goals")
        {
            scenario, replications, seed, output, granularity, scale, parametersSource, concurrency, by, telemetry, otlpEndpoint, otlpGrpc,
        };

        var scenarios = new Argument<string[]>("scenarios") { Description = "Scenario names or paths; the first is the reference", Arity = ArgumentArity.ZeroOrMore };
        var from = new Option<string[]>("--from") { Description = "Compare saved run (or compare) folders instead of simulating", AllowMultipleArgumentsPerToken = true };
        var compare = new Command("compare", "Run scenarios with common random numbers and compare goal probabilities pairwise")
        {
            scenarios, from, replications, seed, output, granularity, scale, parametersSource, concurrency, by, telemetry, otlpEndpoint, otlpGrpc,
        };

        var runsDir = new Option<string?>("--dir") { Description = "The results folder (default: runs/)" };
        var runs = new Command("runs", "List the saved runs in the results folder") { runsDir };

        var showDir = new Argument<string>("dir") { Description = "A run or compare folder" };
        var show = new Command("show", "Print a saved run's or comparison's tables again") { showDir };

        var listScenarios = new Command("scenarios", "List the scenarios with a one-line description");
        var scenarioName = new Argument<string>("name") { Description = "A scenario name or path" };
        var scenarioShow = new Command("show", "Print a scenario's resolved parameters and what it changes against the baseline") { scenarioName };
        var scenarioCommand = new Command("scenario", "Inspect one scenario") { scenarioShow };

        var runId = new Argument<string>("RUN_ID") { Description = "The run id that `zjsim run` printed" };
        var attachOutput = new Option<string?>("--out", "-o") { Description = "Output folder (default: runs/RUN_ID)" };
        var attach = new Command("attach", "Reconnect to a run on the cluster (--cluster), follow it to the end and write its results") { runId, attachOutput };

        var forgetId = new Argument<string>("RUN_ID") { Description = "The run id that `zjsim run` printed" };
        var forget = new Command("forget", "Remove a finished run's state and outcomes from the cluster's storage (--cluster)") { forgetId };

        var indicatorName = new Argument<string?>("name") { Description = "One indicator (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var indicatorsMarkdown = new Option<bool>("--markdown") { Description = "Print the data dictionary as Markdown (docs/data-dictionary.md)" };
        var indicators = new Command("indicators", "What each indicator measures, its unit, and the rules that move it") { indicatorName, indicatorsMarkdown };

        var backtest = BacktestCommand.Define();
        var posterior = PosteriorCommand.Define();
        ExplorationCommand[] exploration = [CalibrateCommand.Define(), ValidateCommand.Define(), SbcCommand.Define(), ExperimentCommand.Define(), SensitivityCommand.Define(), DiscoverCommand.Define(), SeekCommand.Define()];

        var root = new RootCommand("ZjSim: Monte Carlo simulation of Zhejiang's enterprise digital transformation, on Microsoft Orleans")
        {
            config, cluster, run, compare, attach, forget, runs, show, listScenarios, scenarioCommand, indicators, backtest.Command, posterior.Command,
        };
        foreach (var e in exploration) root.Add(e.Command);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One message, the first: later ones follow from it (an option that swallowed the next one leaves
            // that one's value unrecognised and a required option missing).
            error.WriteLine($"zjsim: {parsed.Errors[0].Message.TrimEnd('.')}. Try 'zjsim --help'.");
            return ExitCodes.BadInput;
        }

        var command = parsed.CommandResult.Command;
        bool help = args.Any(a => a is "-h" or "--help" or "-?");
        TelemetryOptions Telemetry()
        {
            Uri? endpoint = null;
            if (parsed.GetValue(otlpEndpoint) is string text
                && (!Uri.TryCreate(text, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
                throw new UsageException($"--otlp-endpoint: not an http(s) URL: '{text}'");
            var export = endpoint is not null ? TelemetryExport.Otlp : parsed.GetValue(telemetry);
            var options = new TelemetryOptions(export, endpoint, parsed.GetValue(otlpGrpc));
            if (options.Export == TelemetryExport.Otlp) Output.CollectorProbe.WarnIfUnreachable(options.ResolvedOtlpEndpoint, error);
            return adjustTelemetry?.Invoke(options) ?? options;
        }
        RunOptions RunOptionsFrom(string scenarioValue) => new(
            scenarioValue, parsed.GetValue(replications), parsed.GetValue(seed), parsed.GetValue(output),
            parsed.GetValue(granularity), parsed.GetValue(scale), parsed.GetValue(config), parsed.GetValue(concurrency), Telemetry(),
            parsed.GetValue(by) switch { "cluster" => Output.Breakdown.Cluster, "sector" => Output.Breakdown.Sector, _ => Output.Breakdown.None },
            parsed.GetValue(parametersSource));

        if (!help)
        try
        {
            if (command == run)
                return await RunCommand.ExecuteAsync(RunOptionsFrom(parsed.GetValue(scenario)!), console, error, cancellation, parsed.GetValue(cluster));
            if (command == compare)
                return await CompareCommand.ExecuteAsync(
                    new CompareOptions(parsed.GetValue(scenarios) ?? [], parsed.GetValue(from) ?? [], RunOptionsFrom("")), console, error, cancellation, parsed.GetValue(cluster));
            if (command == attach)
                return await AttachCommand.ExecuteAsync(parsed.GetValue(runId)!, parsed.GetValue(attachOutput), parsed.GetValue(config),
                    parsed.GetValue(cluster), console, error, cancellation);
            if (command == forget)
                return await ForgetCommand.ExecuteAsync(parsed.GetValue(forgetId)!, parsed.GetValue(cluster), console, error, cancellation);
            if (command == runs) return SavedRunsCommands.List(parsed.GetValue(runsDir), console, error);
            if (command == show) return SavedRunsCommands.Show(parsed.GetValue(showDir)!, console, error);
            if (command == listScenarios) return ScenarioCommands.List(parsed.GetValue(config), console, error);
            if (command == scenarioShow) return ScenarioCommands.Show(parsed.GetValue(scenarioName)!, parsed.GetValue(config), console, error);
            if (command == indicators) return IndicatorsCommand.Execute(parsed.GetValue(indicatorName), console, error, parsed.GetValue(indicatorsMarkdown));
            if (command == backtest.Command) return await backtest.Execute(parsed, parsed.GetValue(config), console, error, cancellation);
            if (command == posterior.Command) return await posterior.Execute(parsed, parsed.GetValue(config), console, error, cancellation);
            if (exploration.FirstOrDefault(e => e.Command == command) is { } explore)
                return await explore.Execute(parsed, parsed.GetValue(config), parsed.GetValue(cluster), console, error, cancellation);
        }
        catch (UsageException e)
        {
            error.WriteLine($"zjsim: {e.Message}");
            return ExitCodes.BadInput;
        }

        // Help, version, or a command group alone: let System.CommandLine print its text.
        var invocation = new InvocationConfiguration { Output = new AnsiTextWriter(console), Error = error };
        int code = await parsed.InvokeAsync(invocation, cancellation);
        return !help && (command == root || command == scenarioCommand) ? ExitCodes.BadInput : code;
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
