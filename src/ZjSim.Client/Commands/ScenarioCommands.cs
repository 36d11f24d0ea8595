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
            // Against the defaults, so the calibrated layer a scenario extends shows too; units from docs/MODEL.md.
            var changes = ParameterChanges.Between(defaults, resolved);
            if (changes.Count == 0) console.MarkupLine($"No changes against {ConfigDirectory.DefaultsFile}.");
            else
            {
                console.MarkupLine($"[bold]Changes against {ConfigDirectory.DefaultsFile}[/] (default → {Markup.Escape(scenario.Name)}, unit):");
                foreach (var change in changes) console.WriteLine("  " + change);
            }
            console.WriteLine();

            // Unit and SOURCE/ASSUMPTION mark from docs/MODEL.md section 8, as resolved_parameters.csv has them.
            var all = new Table().Border(TableBorder.Simple).Title("Resolved parameters (unit and mark: docs/MODEL.md section 8)")
                .AddColumn(new TableColumn("parameter").NoWrap()).AddColumn("value").AddColumn("unit").AddColumn(new TableColumn("mark").NoWrap());
            foreach (var row in Output.ResolvedParameters.Rows(scenario.CanonicalJson))
                all.AddRow(Markup.Escape(row.Parameter), Markup.Escape(row.Value), Markup.Escape(row.Unit), Markup.Escape(row.Mark));
            console.Write(all);
            return ExitCodes.Ok;
        }
        catch (ConfigException e)
        {
            error.WriteLine($"zjsim scenario show: {e.Message}");
            return ExitCodes.BadInput;
        }
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
