using System.CommandLine;
using Spectre.Console;

namespace ZjSim.Client.Commands;

/// <summary>An exploratory-modelling command (experiment, sensitivity, discover, seek), defined beside its work; it is told the global --config and --cluster.</summary>
public sealed record ExplorationCommand(
    Command Command,
    Func<ParseResult, string?, string?, IAnsiConsole, TextWriter, CancellationToken, Task<int>> Execute);
