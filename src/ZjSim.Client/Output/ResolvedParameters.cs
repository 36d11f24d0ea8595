using System.Text.Json.Nodes;
using CsvHelper;

namespace ZjSim.Client.Output;

/// <summary>
/// resolved_parameters.csv: every parameter of the run as resolved (defaults, scenario, calibration), with its unit
/// and SOURCE/ASSUMPTION mark from docs/MODEL.md, so a paper's parameter table comes from the run itself.
/// </summary>
public static class ResolvedParameters
{
    public const string Csv = "resolved_parameters.csv";

    public sealed record Row(string Parameter, string Value, string Unit, string Mark, string Status);

    /// <summary>Every parameter but the posterior's rows (the manifest names the posterior; its draws are in parameters.csv).</summary>
    public static IEnumerable<Row> Rows(string parametersJson) =>
        Commands.ScenarioCommands.Flatten(WithoutJointSample(parametersJson)).Select(kv =>
        {
            var doc = ParameterDocs.Find(kv.Key);
            return new Row(kv.Key, kv.Value.Trim('"'), doc?.Unit ?? "", doc?.Mark ?? "", doc?.Status ?? "not documented in docs/MODEL.md section 8");
        });

    private static JsonNode WithoutJointSample(string parametersJson)
    {
        var tree = JsonNode.Parse(parametersJson)!;
        if (tree is JsonObject o) o.Remove(Model.Uncertainty.JointSample.JsonKey);
        return tree;
    }

    public static void Write(RunFolder folder, string prefix, string parametersJson) =>
        folder.Write(Path.Combine(prefix, Csv), w =>
        {
            // Lines end in \n like the other files of a run folder.
            using var csv = CsvWriter.Create(w, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
            csv.WriteHeader(["parameter", "value", "unit", "mark", "status"]);
            foreach (var r in Rows(parametersJson)) csv.WriteRecord([r.Parameter, r.Value, r.Unit, r.Mark, r.Status]);
        });
}
