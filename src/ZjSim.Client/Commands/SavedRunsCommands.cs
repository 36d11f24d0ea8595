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
            JsonObject m;
            try { m = RunFolderReader.ReadManifest(folder); }
            catch (UsageException e) { table.AddRow(Markup.Escape(Path.GetFileName(folder)), "unreadable: " + Markup.Escape(e.Message), "", "", ""); continue; }
            string command = m["command"]?.GetValue<string>() ?? "?";
            string scenarios = command == "run"
                ? m["scenario"]?["name"]?.GetValue<string>() ?? "?"
                : string.Join(", ", m["scenarios"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);
            bool partial = m["partial"]?.GetValue<bool>() ?? false;
            table.AddRow(Markup.Escape(Path.GetFileName(folder)), $"{Markup.Escape(command)} {Markup.Escape(scenarios)}, {(partial ? "[yellow]partial[/]" : "complete")}",
                m["replications"]?.ToString() ?? "", m["seed"]?.ToString() ?? "", m["scale"]?.ToString() ?? "");
            count++;
        }
        if (count == 0) console.WriteLine($"No runs in {Path.GetFullPath(root)}.");
        else console.Write(table);
        return ExitCodes.Ok;
    }

    public static int Show(string dir, IAnsiConsole console, TextWriter error)
    {
        try
        {
            var m = RunFolderReader.ReadManifest(dir);
            RunFolderReader.CheckCompatible(m, Path.Combine(dir, ResultFiles.Manifest));
            switch (m["command"]?.GetValue<string>())
            {
                case "run":
                    RunReport.Print(console, RunFolderReader.Load(dir));
                    break;
                case "compare":
                    ComparisonReport.Print(console, ScenarioComparison.Build(CompareCommand.ExpandRunFolders(dir).Select(RunFolderReader.Load).ToList()));
                    break;
                case "compare --from":
                    var sources = m["sources"]!.AsArray().Select(n => n!.GetValue<string>());
                    ComparisonReport.Print(console, ScenarioComparison.Build(sources.Select(RunFolderReader.Load).ToList()));
                    break;
                default:
                    throw new UsageException($"{dir}: manifest names an unknown command '{m["command"]}'");
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
