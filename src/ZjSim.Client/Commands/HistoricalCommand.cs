using System.CommandLine;
using Spectre.Console;

namespace ZjSim.Client.Commands;

/// <summary>A command defined beside its work, so the command line only adds it and dispatches to it.</summary>
public sealed record HistoricalCommand(
    Command Command,
    Func<ParseResult, string?, IAnsiConsole, TextWriter, CancellationToken, Task<int>> Execute);
