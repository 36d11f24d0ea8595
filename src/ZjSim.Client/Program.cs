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
return await Cli.RunAsync(args, AnsiConsole.Console, Console.Error, cancellation.Token);
