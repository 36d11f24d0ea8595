using System.Text.Json.Nodes;
using Spectre.Console;
using ZjSim.Client.Comparison;
using ZjSim.Client.Output;
using ZjSim.Client.Results;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim runs` lists saved runs; `zjsim show DIR` prints a saved run's or comparison's tables again.</summary>
public static class SavedRunsCommands
{
    public const string DefaultResultsFolder = "runs";

    public static int List(string? dir, IAnsiConsole console, TextWriter error)
    {
        string root = dir ?? DefaultResultsFolder;
        if (!Directory.Exists(root))
        {
            if (dir is not null) { error.WriteLine($"zjsim runs: {root}: no such folder"); return ExitCodes.BadInput; }
            console.WriteLine($"No runs yet: {Path.GetFullPath(root)} does not exist.");
            return ExitCodes.Ok;
        }
        // Five narrow columns and one that wraps, so the table fits 80 columns whatever the scenarios.
        var table = new Table().Border(TableBorder.Simple).Title($"Runs in {Markup.Escape(Path.GetFullPath(root))}")
            .AddColumn(new TableColumn("folder").NoWrap()).AddColumn("what")
            .AddColumn(new TableColumn("reps").RightAligned().NoWrap()).AddColumn(new TableColumn("seed").RightAligned().NoWrap())
            .AddColumn(new TableColumn("scale").RightAligned().NoWrap());
        int count = 0;
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (!RunFolderReader.IsRunFolder(folder)) continue;
            // One bad folder is one line on stderr; the good runs are listed all the same.
            string[] row;
            try { row = Row(folder); }
            catch (UsageException e) { error.WriteLine($"zjsim runs: skipped {e.Message}"); continue; }
            table.AddRow(row);
            count++;
        }
        if (count == 0) console.WriteLine($"No runs in {Path.GetFullPath(root)}.");
        else console.Write(table);
        return ExitCodes.Ok;
    }

    private static string[] Row(string folder)
    {
        var m = RunFolderReader.ReadFields(folder);
        string command = m.Text("command");
        string scenarios = command switch
        {
            "run" => m.Text("scenario.name"),
            "compare" => string.Join(", ", m.Texts("scenarios")),
            "compare --from" => string.Join(", ", m.Texts("sources").Select(Path.GetFileName)),
            _ => throw new UsageException($"{m.Path}: field 'command' names an unknown command '{command}'"),
        };
        string Number(string field) => m.Node(field) is JsonValue v && (v.TryGetValue(out double _) || v.TryGetValue(out ulong _)) ? v.ToJsonString() : "";
        string state = m.Bool("partial", missing: false) ? "[yellow]partial[/]" : "complete";
        return [Markup.Escape(Path.GetFileName(folder)), $"{Markup.Escape(command)} {Markup.Escape(scenarios)}, {state}",
            Number("replications"), Number("seed"), Number("scale")];
    }

    public static int Show(string dir, IAnsiConsole console, TextWriter error)
    {
        try
        {
            var m = RunFolderReader.ReadFields(dir);
            switch (m.Text("command"))
            {
                case "run":
                    RunReport.Print(console, RunFolderReader.Load(dir));
                    break;
                case "compare":
                    ComparisonReport.Print(console, ScenarioComparison.Build(CompareCommand.ExpandRunFolders(dir).Select(RunFolderReader.Load).ToList()));
                    break;
                case "compare --from":
                    ComparisonReport.Print(console, ScenarioComparison.Build(m.Texts("sources").Select(RunFolderReader.Load).ToList()));
                    break;
                default:
                    throw new UsageException($"{m.Path}: field 'command' names an unknown command '{m.Text("command")}'");
            }
            return ExitCodes.Ok;
        }
        catch (UsageException e)
        {
            error.WriteLine($"zjsim show: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
