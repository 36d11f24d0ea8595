using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Inference;

/// <summary>
/// The shipped posterior: config/zhejiang/posterior.csv (one row per particle: particle, weight, then one column
/// per parameter path) and config/zhejiang/posterior.json beside it (how it was made: method, settings, data,
/// populations, and the SHA-256 of the CSV, so a run's manifest can name exactly which posterior it drew from).
/// Plain CSV and JSON so that R, pandas or a spreadsheet read them without ZjSim.
/// </summary>
public static class PosteriorFile
{
    public const string CsvName = "posterior.csv", JsonName = "posterior.json";
    public const string ParticleColumn = "particle", WeightColumn = "weight";

    public static string CsvPathIn(string configDir) => Path.Combine(configDir, "zhejiang", CsvName);
    public static string JsonPathIn(string configDir) => Path.Combine(configDir, "zhejiang", JsonName);

    /// <summary>The CSV text: values with 17 significant digits (round-trip), so a run's draws are exactly the particles.</summary>
    public static string Csv(ParticleSet set)
    {
        var b = new StringBuilder();
        b.Append(ParticleColumn).Append(',').Append(WeightColumn);
        foreach (var p in set.Paths) b.Append(',').Append(Quote(p));
        b.Append('\n');
        for (int i = 0; i < set.Count; i++)
        {
            b.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(set.Weights[i].ToString("R", CultureInfo.InvariantCulture));
            foreach (double v in set.Values[i]) b.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            b.Append('\n');
        }
        return b.ToString();
    }

    /// <summary>Paths like adoption.p[0].above_size hold no comma or quote; quoted anyway if one ever does.</summary>
    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Reads posterior.csv; a malformed file is a ConfigException naming the file, the line and the column.</summary>
    public static ParticleSet ReadCsv(string path)
    {
        if (!File.Exists(path)) throw new ConfigException(path, null, "not found: run `zjsim calibrate` to make the posterior, or run with --parameters prior|median");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2) throw new ConfigException(path, null, "holds no particle");
        var header = SplitCsv(lines[0]);
        if (header.Count < 3 || header[0] != ParticleColumn || header[1] != WeightColumn)
            throw new ConfigException(path, "header", $"must start with '{ParticleColumn},{WeightColumn}' and name at least one parameter");
        var paths = header.Skip(2).ToList();
        var dup = paths.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ConfigException(path, "header", $"names '{dup.Key}' twice");
        var values = new double[lines.Length - 1][];
        var weights = new double[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = SplitCsv(lines[i]);
            if (cells.Count != header.Count) throw new ConfigException(path, $"line {i + 1}", $"has {cells.Count} cells, the header {header.Count}");
            weights[i - 1] = Number(path, i, WeightColumn, cells[1]);
            if (weights[i - 1] < 0) throw new ConfigException(path, $"line {i + 1}", "weight: must not be negative");
            values[i - 1] = new double[paths.Count];
            for (int k = 0; k < paths.Count; k++) values[i - 1][k] = Number(path, i, paths[k], cells[k + 2]);
        }
        if (!(weights.Sum() > 0)) throw new ConfigException(path, WeightColumn, "the weights sum to zero");
        return new ParticleSet(paths, values, weights);
    }

    private static double Number(string path, int line, string column, string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new ConfigException(path, $"line {line + 1}", $"{column}: '{cell}' is not a finite number");

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().TrimEnd('\r'));
        return cells;
    }

    public static string Sha256(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Reads posterior.json (the provenance); null when absent.</summary>
    public static JsonObject? ReadProvenance(string path) =>
        File.Exists(path) ? ScenarioLoader.ReadObject(path) : null;
}
