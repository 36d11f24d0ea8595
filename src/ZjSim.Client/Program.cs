using System.Runtime.InteropServices;
using Spectre.Console;
using ZjSim.Client;

// Cli.RunAsync guards the command itself; this catches what fails on another thread.
ZjSim.CrashLog.InstallLastResort("zjsim", args);

// SIGINT (Ctrl+C), SIGTERM (kill, systemd, container stop, CI time-outs) and SIGHUP (the terminal closed) all stop
// a command the same clean way: no further replications, the finished ones kept and marked partial, nothing
// half-written. The client owns the shutdown: the embedded silo stops after the run is cancelled (its host has no
// console lifetime of its own). A second signal ends the process at once, by the signal's default action.
using var cancellation = new CancellationTokenSource();
PosixSignal? received = null;
void Stop(PosixSignalContext context)
{
    if (cancellation.IsCancellationRequested) return;
    context.Cancel = true;
    received = context.Signal;
    cancellation.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

var console = AnsiConsole.Console;
// Sent to a file or a pipe there is no terminal to fit: write lines whole instead of wrapping them at 80 columns.
console.Profile.Width = Console.IsOutputRedirected ? 1000 : console.Profile.Width;
// OpenTelemetry's console exporter prints with Console.WriteLine: send that to stderr, so the tables keep stdout
// (the Spectre console above holds on to the real stdout).
if (args.Any(a => a is "--telemetry=console") || args.Zip(args.Skip(1)).Any(p => p is ("--telemetry", "console")))
    Console.SetOut(Console.Error);
int code = await Cli.RunAsync(args, console, Console.Error, cancellation.Token);
// A cancelled command says which signal stopped it, as a shell does: 128 + the signal's number.
return code == ExitCodes.Cancelled ? ExitCodes.ForSignal(received) : code;
