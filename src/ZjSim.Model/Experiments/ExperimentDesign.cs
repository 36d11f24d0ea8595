using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Experiments;

/// <summary>The samplers a design can name.</summary>
public enum Sampler { Grid, Lhs, Saltelli, Morris, Table }

/// <summary>
/// An experiment: a base scenario, the parameters to vary (by dotted path, each a range or a distribution), a
/// sampler, a seed and the replications per point (docs/experiments.md). Every point runs with the same seed, so
/// replication r of every point draws the same random streams (common random numbers). The design knows nothing of
/// particular parameters: any number parameter the schema has can be varied.
/// </summary>
public sealed record ExperimentDesign(
    string File, string Text, string Description, string Scenario, Sampler Sampler, int Samples, int Levels,
    ulong Seed, int Replications, double? Scale, IReadOnlyList<DesignParameter> Parameters, IReadOnlyList<double[]>? Table)
{
    public const int MaxPoints = 1_000_000;
    private static readonly string[] Keys = ["description", "scenario", "sampler", "samples", "levels", "seed", "replications", "scale", "parameters", "table"];

    /// <summary>SHA-256 of the design file's bytes as read (the manifest records it; --resume checks it).</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    public IReadOnlyList<string> Paths => Parameters.Select(p => p.Path).ToArray();

    public static ExperimentDesign Load(string path)
    {
        string text;
        try { text = System.IO.File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, null, $"cannot be read: {e.Message}");
        }
        return Parse(path, text);
    }

    /// <summary>Reads and checks a design; every problem is one ConfigException naming the file and the field.</summary>
    public static ExperimentDesign Parse(string file, string text)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(text, documentOptions: ConfigJson.DocumentOptions) as JsonObject
                ?? throw new ConfigException(file, null, "must hold a JSON object");
        }
        catch (JsonException e)
        {
            throw new ConfigException(file, null, $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}");
        }
        ConfigException Fail(string field, string problem) => new(file, field, problem);
        foreach (var (key, _) in o)
            if (!Keys.Contains(key)) throw Fail(key, $"is not a design key (expected: {string.Join(", ", Keys)})");

        string String(string key, bool required)
        {
            if (o[key] is null) return required ? throw Fail(key, "is required") : "";
            return o[key] is JsonValue v && v.TryGetValue(out string? s) && (s.Length > 0 || !required) ? s : throw Fail(key, "must be a non-empty string");
        }
        double? Number(string key)
        {
            if (o[key] is null) return null;
            return o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.IsFinite(v.GetValue<double>())
                ? v.GetValue<double>() : throw Fail(key, $"must be a number (got {o[key]!.ToJsonString()})");
        }
        int Whole(string key, int fallback, int min, int max)
        {
            double v = Number(key) ?? fallback;
            if (v != Math.Floor(v) || v < min || v > max) throw Fail(key, $"must be a whole number in [{min}, {max}] (got {v.ToString(CultureInfo.InvariantCulture)})");
            return (int)v;
        }

        string scenario = String("scenario", required: true);
        string samplerName = String("sampler", required: true);
        if (!Enum.TryParse<Sampler>(samplerName, ignoreCase: true, out var sampler) || samplerName.Any(char.IsUpper) || int.TryParse(samplerName, out _))
            throw Fail("sampler", $"must be one of grid, lhs, saltelli, morris, table (got \"{samplerName}\")");
        double seedValue = Number("seed") ?? throw Fail("seed", "is required (a whole number; every point uses it)");
        if (seedValue < 0 || seedValue != Math.Floor(seedValue) || seedValue > 9e15) throw Fail("seed", $"must be a whole number >= 0 (got {seedValue})");
        int replications = Whole("replications", 10, 1, 100_000);
        double? scale = Number("scale");
        if (scale is double s && !(s > 0 && s <= 1)) throw Fail("scale", $"must lie in (0, 1] (got {s})");
        int samples = Whole("samples", sampler switch { Sampler.Saltelli => 64, Sampler.Morris => 10, _ => 20 }, 2, MaxPoints);
        int levels = Whole("levels", sampler == Sampler.Morris ? 4 : 3, sampler == Sampler.Morris ? 2 : 1, 1000);
        if (sampler == Sampler.Morris && levels % 2 != 0) throw Fail("levels", $"must be even for Morris trajectories (got {levels})");

        if (o["parameters"] is not JsonArray list || list.Count == 0) throw Fail("parameters", "must be a non-empty list of {\"path\": ..., \"min\": ..., \"max\": ...} or {\"path\": ..., \"distribution\": {...}}");
        var parameters = new List<DesignParameter>();
        for (int i = 0; i < list.Count; i++)
        {
            string at = $"parameters[{i}]";
            if (list[i] is not JsonObject p) throw Fail(at, "must be an object");
            foreach (var (key, _) in p)
                if (key is not ("path" or "min" or "max" or "distribution")) throw Fail($"{at}.{key}", "is not a parameter key (expected: path, min and max, or distribution)");
            if (p["path"] is not JsonValue pv || !pv.TryGetValue(out string? path) || path.Length == 0) throw Fail($"{at}.path", "must be a dotted parameter path such as \"adoption.base_rate\"");
            var type = ParameterSchema.TypeAt(path);
            if (type is null) throw Fail($"{at}.path", $"names no parameter: '{path}' is not in the model's parameters (see docs/MODEL.md)");
            if (type != typeof(double) && type != typeof(int)) throw Fail($"{at}.path", $"'{path}' is not a number parameter, so it cannot be varied");
            if (path == "world.scale") throw Fail($"{at}.path", "world.scale is the run's --scale; set \"scale\" instead");
            if (parameters.Any(q => q.Path == path)) throw Fail($"{at}.path", $"'{path}' is varied twice");
            ParameterDistribution distribution;
            if (p["distribution"] is JsonNode d)
            {
                if (p["min"] is not null || p["max"] is not null) throw Fail(at, "gives both a range (min, max) and a distribution; give one");
                if (d is not JsonObject dobj || !DistributionReader.IsDistribution(dobj)) throw Fail($"{at}.distribution", "must be a distribution object such as {\"dist\": \"triangular\", \"min\": 0, \"mode\": 1, \"max\": 2}");
                distribution = DistributionReader.Read(dobj, file, $"{at}.distribution");
                var (lo, hi) = distribution.Support;
                if (!double.IsFinite(lo) || !double.IsFinite(hi)) throw Fail($"{at}.distribution", "is unbounded; give it \"min\" and \"max\" so every point is a valid parameter value");
            }
            else
            {
                double Bound(string key) => p[key] is JsonValue b && b.GetValueKind() == JsonValueKind.Number && double.IsFinite(b.GetValue<double>())
                    ? b.GetValue<double>() : throw Fail($"{at}.{key}", "must be a number (or give a distribution instead of min and max)");
                double min = Bound("min"), max = Bound("max");
                if (!(min < max)) throw Fail($"{at}.max", $"must be above min ({min.ToString(CultureInfo.InvariantCulture)})");
                distribution = new UniformDistribution(min, max);
            }
            parameters.Add(new DesignParameter(path, distribution, type == typeof(int)));
        }
        if (sampler == Sampler.Saltelli && 2 * parameters.Count > SobolSequence.MaxDimensions)
            throw Fail("parameters", $"a Saltelli design here takes at most {SobolSequence.MaxDimensions / 2} parameters (got {parameters.Count})");

        List<double[]>? table = null;
        if (sampler == Sampler.Table)
        {
            if (o["table"] is not JsonArray rows || rows.Count == 0) throw Fail("table", "must be a non-empty list of rows, one value per parameter in the order of \"parameters\"");
            table = [];
            for (int r = 0; r < rows.Count; r++)
            {
                if (rows[r] is not JsonArray row || row.Count != parameters.Count) throw Fail($"table[{r}]", $"must list {parameters.Count} numbers, one per parameter");
                var values = new double[parameters.Count];
                for (int j = 0; j < values.Length; j++)
                {
                    if (row[j] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) throw Fail($"table[{r}][{j}]", "must be a number");
                    values[j] = v.GetValue<double>();
                    var (lo, hi) = parameters[j].Distribution.Support;
                    if (values[j] < lo || values[j] > hi) throw Fail($"table[{r}][{j}]", $"{values[j]} lies outside {parameters[j].Path}'s range [{lo}, {hi}]");
                    if (parameters[j].WholeNumber && values[j] != Math.Floor(values[j])) throw Fail($"table[{r}][{j}]", $"{parameters[j].Path} takes whole numbers (got {values[j]})");
                }
                table.Add(values);
            }
        }
        else if (o["table"] is not null) throw Fail("table", "is only read with \"sampler\": \"table\"");

        var design = new ExperimentDesign(file, text, String("description", false), scenario, sampler, samples, levels,
            (ulong)seedValue, replications, scale, parameters, table);
        long count = design.PointCount;
        if (count > MaxPoints) throw Fail(sampler == Sampler.Grid ? "levels" : "samples", $"gives {count} points; at most {MaxPoints}");
        return design;
    }

    public long PointCount => Sampler switch
    {
        Sampler.Grid => Parameters.Aggregate(1L, (a, _) => a * Levels),
        Sampler.Lhs => Samples,
        Sampler.Saltelli => (long)Samples * SaltelliDesign.BlockSize(Parameters.Count),
        Sampler.Morris => (long)Samples * (Parameters.Count + 1),
        _ => Table!.Count,
    };

    /// <summary>The points in the unit cube (for a table, null): what Morris's analysis reads its steps from.</summary>
    public double[][]? UnitPoints() => Sampler switch
    {
        Sampler.Grid => FullFactorial.Sample(Parameters.Select(_ => Levels).ToArray()),
        Sampler.Lhs => LatinHypercube.Sample(Samples, Parameters.Count, Seed),
        Sampler.Saltelli => SaltelliDesign.Sample(Samples, Parameters.Count),
        Sampler.Morris => MorrisDesign.Sample(Samples, Parameters.Count, Levels, Seed),
        _ => null,
    };

    /// <summary>Every point's parameter values, in point order (point i is row i).</summary>
    public double[][] Points() =>
        UnitPoints()?.Select(u => u.Select((x, j) => Parameters[j].ValueAt(x)).ToArray()).ToArray()
        ?? Table!.Select(r => (double[])r.Clone()).ToArray();

    /// <summary>
    /// The base scenario with a point's values set by path. A varied parameter that the scenario made uncertain
    /// is fixed at the point's value; the others keep their distributions, drawn per replication as in any run.
    /// </summary>
    public Scenario PointScenario(Scenario baseScenario, double[] values)
    {
        var paths = Paths;
        var parameters = ParameterUncertainty.Apply(baseScenario.Parameters, paths, values);
        var check = new ParameterCheck();
        parameters.Validate(check);
        if (check.Issues.Count > 0)
        {
            var issue = check.Issues[0];
            throw new ConfigException(File, "parameters",
                $"gives a point ({string.Join(", ", paths.Select((p, j) => $"{p} = {values[j].ToString("R", CultureInfo.InvariantCulture)}"))}) at which '{issue.Path}' {issue.Message}");
        }
        return new Scenario(baseScenario.Name, baseScenario.Description, baseScenario.SourcePath, parameters, baseScenario.Uncertainty.Without(paths));
    }
}
