using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Experiments;

/// <summary>
/// An experiment's folder: manifest.json, design.json (the design file as given), points/ (one file per finished
/// point, written atomically, so an interrupted experiment keeps exactly its finished points) and the tables built
/// from them. Every file is written to a temporary name and renamed into place.
/// </summary>
public sealed class ExperimentFolder
{
    public const string Manifest = "manifest.json", Design = "design.json", PointsFolder = "points";
    public const string ExperimentsCsv = "experiments.csv", ExperimentsParquet = "experiments.parquet", PointsCsv = "points.csv";

    private static readonly JsonSerializerOptions PointJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; }

    private ExperimentFolder(string path) => Path = path;

    /// <summary>A new (or empty) folder for a new experiment; checked before anything runs.</summary>
    public static ExperimentFolder Create(string? requested, string defaultName)
    {
        string shown = requested ?? System.IO.Path.Combine("runs", defaultName);
        string full = System.IO.Path.GetFullPath(shown);
        if (File.Exists(full)) throw new UsageException($"--out {shown}: is a file, not a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new UsageException($"--out {shown}: already exists and is not empty; choose a new folder (or --resume it if it is a partial experiment)");
        try { Directory.CreateDirectory(System.IO.Path.Combine(full, PointsFolder)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"--out {shown}: cannot write there ({e.Message})");
        }
        return new ExperimentFolder(full);
    }

    /// <summary>An existing experiment folder, for --resume or analysis.</summary>
    public static ExperimentFolder Open(string dir)
    {
        string full = System.IO.Path.GetFullPath(dir);
        if (!File.Exists(System.IO.Path.Combine(full, Manifest)))
            throw new UsageException($"{dir}: is not an experiment folder (no {Manifest})");
        return new ExperimentFolder(full);
    }

    public JsonObject ReadManifest()
    {
        string file = System.IO.Path.Combine(Path, Manifest);
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            if (manifest?["command"]?.GetValue<string>() != "experiment") throw new ConfigException(file, "command", "is not \"experiment\": this is not an experiment folder");
            return manifest;
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            throw new ConfigException(file, null, $"cannot be read as an experiment manifest ({e.Message})");
        }
    }

    public void WriteText(string name, string text) => Atomic(name, path => File.WriteAllText(path, text));

    public void WriteManifest(JsonObject manifest) => WriteText(Manifest, manifest.ToJsonString(ConfigJson.Indented) + "\n");

    public void Atomic(string name, Action<string> write)
    {
        string final = System.IO.Path.Combine(Path, name);
        string temp = final + $".tmp-{Environment.ProcessId}";
        write(temp);
        File.Move(temp, final, overwrite: true);
    }

    public static string PointFile(int point) => $"p{point.ToString("D7", CultureInfo.InvariantCulture)}.json";

    public void WritePoint(PointResult point) =>
        Atomic(System.IO.Path.Combine(PointsFolder, PointFile(point.Point)), path => File.WriteAllText(path, JsonSerializer.Serialize(point, PointJson)));

    /// <summary>The finished points, by id. A point file that cannot be read (a crash mid-write leaves only .tmp files) is not finished.</summary>
    public SortedDictionary<int, PointResult> ReadPoints()
    {
        var points = new SortedDictionary<int, PointResult>();
        string folder = System.IO.Path.Combine(Path, PointsFolder);
        if (!Directory.Exists(folder)) return points;
        foreach (var file in Directory.GetFiles(folder, "p*.json"))
        {
            var point = JsonSerializer.Deserialize<PointResult>(File.ReadAllText(file), PointJson)
                ?? throw new ConfigException(file, null, "holds no point");
            points[point.Point] = point;
        }
        return points;
    }
}
