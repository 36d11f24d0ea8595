using Spectre.Console;
using ZjSim.Client;

// Cli.RunAsync guards the command itself; this catches what fails on another thread.
ZjSim.CrashLog.InstallLastResort("zjsim", args);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop cleanly (nothing half-written). A second one kills the process.
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    cancellation.Cancel();
};
var console = AnsiConsole.Console;
// Sent to a file or a pipe there is no terminal to fit: write lines whole instead of wrapping them at 80 columns.
console.Profile.Width = Console.IsOutputRedirected ? 1000 : console.Profile.Width;
// OpenTelemetry's console exporter prints with Console.WriteLine: send that to stderr, so the tables keep stdout
// (the Spectre console above holds on to the real stdout).
if (args.Any(a => a is "--telemetry=console") || args.Zip(args.Skip(1)).Any(p => p is ("--telemetry", "console")))
    Console.SetOut(Console.Error);
return await Cli.RunAsync(args, console, Console.Error, cancellation.Token);
