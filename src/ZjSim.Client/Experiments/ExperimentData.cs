using System.Text.Json.Nodes;
using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Experiments;

/// <summary>A finished experiment read back for analysis: its design (from the manifest), its columns and its points.</summary>
public sealed record ExperimentData(ExperimentFolder Folder, JsonObject Manifest, ExperimentDesign Design, ExperimentColumns Columns, List<PointResult> Points)
{
    public static ExperimentData Load(string dir)
    {
        var folder = ExperimentFolder.Open(dir);
        var manifest = folder.ReadManifest();
        string manifestPath = Path.Combine(folder.Path, ExperimentFolder.Manifest);
        var design = ExperimentDesign.Parse(manifest["design_file"]?.GetValue<string>() ?? manifestPath,
            manifest["design"]?.GetValue<string>() ?? throw new ConfigException(manifestPath, "design", "is missing"));
        var goals = manifest["goals"]?.AsArray().Select(g => g!.GetValue<string>()).ToArray() ?? [];
        var (columns, points) = ExperimentTables.Read(Path.Combine(folder.Path, ExperimentFolder.ExperimentsCsv), design.Parameters.Count, goals);
        return new ExperimentData(folder, manifest, design, columns, points);
    }

    public bool Partial => Manifest["partial"]?.GetValue<bool>() ?? true;

    /// <summary>The outputs analysed per point: each goal's probability of being met, then each indicator's mean over replications.</summary>
    public IReadOnlyList<(string Name, double[] PerPoint)> Outputs()
    {
        var outputs = new List<(string, double[])>();
        for (int g = 0; g < Columns.Goals.Count; g++)
            outputs.Add(($"P({Columns.Goals[g]})", Points.Select(p => p.Replications.Average(r => r.Met[g] ? 1.0 : 0.0)).ToArray()));
        for (int i = 0; i < Columns.Indicators.Count; i++)
            outputs.Add((Columns.Indicators[i], Points.Select(p => p.Replications.Select(r => r.Indicators[i]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average()).ToArray()));
        return outputs;
    }
}
