using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim scenarios` lists the scenarios; `zjsim scenario show NAME` prints what it changes against config/model.json, with units, and every parameter resolved.</summary>
public static class ScenarioCommands
{
    public static int List(string? configOption, IAnsiConsole console, TextWriter error)
    {
        try
        {
            string dir = ConfigDirectory.Locate(configOption);
            var table = new Table().Border(TableBorder.Simple).Title($"Scenarios in {Markup.Escape(Path.Combine(dir, ConfigDirectory.ScenariosFolder))}")
                .AddColumn(new TableColumn("name").NoWrap()).AddColumn("description");
            foreach (var e in ScenarioLoader.List(dir)) table.AddRow(Markup.Escape(e.Name), Markup.Escape(e.Description));
            console.Write(table);
            return ExitCodes.Ok;
        }
        catch (ConfigException e)
        {
            error.WriteLine($"zjsim scenarios: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    public static int Show(string name, string? configOption, IAnsiConsole console, TextWriter error)
    {
        try
        {
            string dir = ConfigDirectory.Locate(configOption);
            var scenario = ScenarioLoader.Load(name, dir);
            var resolved = JsonNode.Parse(scenario.CanonicalJson)!;
            var defaults = ScenarioLoader.ReadObject(Path.Combine(dir, ConfigDirectory.DefaultsFile));

            console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {Markup.Escape(scenario.Description)}");
            console.MarkupLine($"[grey]{Markup.Escape(scenario.SourcePath)}, sha256 {scenario.Hash[..16]}…[/]");
            // Against the defaults, so a layer the scenario extends (the calibration) shows too, each change under the
            // file that made it; units from docs/MODEL.md section 8.
            var changes = ParameterChanges.Between(defaults, resolved);
            if (changes.Count == 0) console.MarkupLine($"No changes against {ConfigDirectory.DefaultsFile}.");
            else
            {
                console.MarkupLine($"[bold]Changes against {ConfigDirectory.DefaultsFile}[/] (default → {Markup.Escape(scenario.Name)}, unit):");
                var layers = Layers(scenario.SourcePath, dir);
                foreach (var group in changes.GroupBy(c => layers.LastOrDefault(l => l.Keys.Contains(c.Path)).File ?? "elsewhere"))
                {
                    console.WriteLine($" set by {group.Key}:");
                    foreach (var change in group) console.WriteLine("  " + change);
                }
            }
            console.WriteLine();

            // Every parameter as resolved_parameters.csv has it: value, unit and SOURCE/ASSUMPTION mark (MODEL.md section 8).
            console.MarkupLine("[bold]Resolved parameters[/] (value unit, mark: docs/MODEL.md section 8):");
            foreach (var row in Output.ResolvedParameters.Rows(scenario.CanonicalJson))
                console.WriteLine($"  {row.Parameter}: {Output.ParameterChanges.Shown(row.Value)}{(row.Unit.Length > 0 ? " " + row.Unit : "")}{(row.Mark.Length > 0 ? $" ({row.Mark})" : "")}");
            return ExitCodes.Ok;
        }
        catch (ConfigException e)
        {
            error.WriteLine($"zjsim scenario show: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// The files a scenario is merged from, the ones it extends first (as the loader resolves "extends"), each with the
    /// parameter paths it sets and its path relative to the config folder.
    /// </summary>
    private static List<(string? File, HashSet<string> Keys)> Layers(string scenarioPath, string configDir)
    {
        var layers = new List<(string? File, HashSet<string> Keys)>();
        var seen = new HashSet<string>();
        for (string? path = scenarioPath; path is not null && seen.Add(Path.GetFullPath(path));)
        {
            var file = ScenarioLoader.ReadObject(path);
            var keys = file["parameters"] is JsonObject p ? Flatten(p).Keys.ToHashSet() : [];
            string shown = Path.GetRelativePath(configDir, path);
            layers.Insert(0, (shown.StartsWith("..", StringComparison.Ordinal) ? path : shown, keys));
            path = file["extends"] is JsonValue v && v.TryGetValue(out string? target) && target.Length > 0
                ? Path.IsPathRooted(target) ? target
                  : target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.Combine(configDir, target)
                  : Path.Combine(configDir, ConfigDirectory.ScenariosFolder, target + ".json")
                : null;
        }
        return layers;
    }

    /// <summary>Dotted key → value text, in document order.</summary>
    public static Dictionary<string, string> Flatten(JsonNode node)
    {
        var result = new Dictionary<string, string>();
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o when DistributionReader.IsDistribution(o):
                    result[path] = DistributionReader.Read(o, "canonical parameters", path).ToString();
                    break;
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(v, path.Length == 0 ? k : $"{path}.{k}");
                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]");
                    break;
                case JsonValue v:
                    result[path] = v.TryGetValue(out double d) ? d.ToString("R", CultureInfo.InvariantCulture) : v.ToJsonString();
                    break;
                default:
                    result[path] = "null";
                    break;
            }
        }
        Walk(node, "");
        return result;
    }
}
