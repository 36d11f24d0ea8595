using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// The uncertain parameters of a scenario. A replication draws each once, from the stream
/// (seed, replication, the parameter's entity, base year, ParameterDraw), so its parameters are a pure
/// function of the seed and the replication number: the same on every silo, at every granularity, and
/// (for a parameter uncertain in several scenarios) the same across scenarios.
/// </summary>
public sealed class ParameterUncertainty
{
    public static ParameterUncertainty None { get; } = new([]);

    /// <summary>The parameters drawn one by one, each from its own distribution.</summary>
    public IReadOnlyList<UncertainParameter> Parameters { get; }

    /// <summary>The parameters drawn together, a row of a sample per replication (the posterior), or null.</summary>
    public JointSample? Joint { get; }

    public bool IsEmpty => Parameters.Count == 0 && Joint is null;

    /// <summary>Every path a replication draws, in the order of its drawn values: the independent ones, then the joint ones.</summary>
    public IReadOnlyList<string> Paths => [.. Parameters.Select(p => p.Path), .. Joint?.Paths ?? []];

    public ParameterUncertainty(IReadOnlyList<UncertainParameter> parameters, JointSample? joint = null)
    {
        if (joint is not null && parameters.FirstOrDefault(p => joint.Paths.Contains(p.Path)) is UncertainParameter both)
            throw new ArgumentException($"'{both.Path}' is both drawn alone and part of the joint sample {joint.Source}");
        Joint = joint;
        var clash = parameters.GroupBy(p => p.Entity).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"uncertain parameters {string.Join(" and ", clash.Select(p => p.Path))} would share a random stream");
        Parameters = parameters;
    }

    /// <summary>The values replication <paramref name="replication"/> draws, in the order of <see cref="Paths"/>.</summary>
    public double[] Draw(ulong seed, int replication, int baseYear)
    {
        var values = new double[Parameters.Count + (Joint?.Paths.Count ?? 0)];
        for (int k = 0; k < Parameters.Count; k++)
        {
            var p = Parameters[k];
            double u = new RandomStream(seed, replication, p.Entity, baseYear, Purpose.ParameterDraw).Uniform(0);
            values[k] = p.Distribution.Draw(u);
        }
        if (Joint is not null)
            Joint.Particles.Values[Joint.Row(seed, replication, baseYear)].CopyTo(values, Parameters.Count);
        return values;
    }

    /// <summary>The same uncertainty with the given paths no longer drawn (a design or a calibration sets them).</summary>
    public ParameterUncertainty Without(IReadOnlyCollection<string> paths)
    {
        // An experiment asks the same of every point: the same object back, so its joint sample is stored once.
        if (_without is { } last && last.Paths.SetEquals(paths)) return last.Result;
        var result = new ParameterUncertainty(Parameters.Where(p => !paths.Contains(p.Path)).ToList(), Joint?.Without(paths));
        _without = new WithoutPaths(paths.ToHashSet(), result);
        return result;
    }

    private sealed record WithoutPaths(HashSet<string> Paths, ParameterUncertainty Result);
    private WithoutPaths? _without;   // one reference, so a concurrent reader sees a whole pair

    /// <summary>The parameters of one replication: the nominal set with each uncertain parameter drawn.</summary>
    public ModelParameters ForReplication(ModelParameters nominal, ulong seed, int replication) => Resolve(nominal, seed, replication).Parameters;

    /// <summary>
    /// Replication <paramref name="replication"/>'s parameters, resolved once: each uncertain parameter drawn, then any
    /// <paramref name="fixedValues"/> set by path over them (calibration's candidates). The grains' worlds, the
    /// single-thread runs and the result files all take a replication's values from here.
    /// </summary>
    public ResolvedParameters Resolve(ModelParameters nominal, ulong seed, int replication, IReadOnlyDictionary<string, double>? fixedValues = null)
    {
        var paths = Paths.ToList();
        var values = Draw(seed, replication, nominal.Years.BaseYear).ToList();
        foreach (var (path, value) in fixedValues ?? new Dictionary<string, double>())
        {
            int k = paths.IndexOf(path);
            if (k >= 0) values[k] = value;
            else { paths.Add(path); values.Add(value); }
        }
        return new ResolvedParameters(paths, values, Apply(nominal, paths, values));
    }

    /// <summary>The nominal set with the uncertain parameters set to the given values (in the order of <see cref="Paths"/>).</summary>
    public ModelParameters Apply(ModelParameters nominal, IReadOnlyList<double> values) =>
        Apply(nominal, Paths, values);

    /// <summary>Any numeric parameters set by path; the rest as in <paramref name="nominal"/>.</summary>
    public static ModelParameters Apply(ModelParameters nominal, IReadOnlyList<string> paths, IReadOnlyList<double> values)
    {
        if (paths.Count == 0) return nominal;
        var tree = JsonSerializer.SerializeToNode(nominal, ConfigJson.Options)!;
        for (int k = 0; k < paths.Count; k++) ParameterPath.Set(tree, paths[k], JsonValue.Create(values[k]));
        return tree.Deserialize<ModelParameters>(ConfigJson.Options)!;
    }

    /// <summary>
    /// The canonical JSON of a scenario: the nominal parameters, with each uncertain one written as its
    /// distribution. Without uncertain parameters it is exactly the nominal set's JSON.
    /// </summary>
    public string CanonicalJson(ModelParameters nominal) => Json(nominal, j => j.ToJson());

    /// <summary>
    /// The canonical JSON as a run request carries it to the silos: a joint sample named by its key
    /// (<see cref="StoredJointSample"/>), which the silos fetch once. Without a joint sample it is the canonical JSON.
    /// </summary>
    public string RequestJson(ModelParameters nominal) => Json(nominal, j => StoredJointSample.Of(j).Reference());

    /// <summary>The form a scenario's hash is taken of (<see cref="HashForm"/>), made without writing the sample's rows.</summary>
    public string HashFormJson(ModelParameters nominal) => Json(nominal, j => j.Summary());

    private string Json(ModelParameters nominal, Func<JointSample, JsonObject> joint)
    {
        if (IsEmpty) return JsonSerializer.Serialize(nominal, ConfigJson.Options);
        var tree = JsonSerializer.SerializeToNode(nominal, ConfigJson.Options)!;
        foreach (var p in Parameters) ParameterPath.Set(tree, p.Path, p.Distribution.ToJson());
        if (Joint is not null) tree[JointSample.JsonKey] = joint(Joint);
        return tree.ToJsonString(ConfigJson.Options);
    }

    /// <summary>
    /// The form a scenario's hash is taken of and its manifest lists: the canonical JSON with a joint sample's rows
    /// replaced by its summary (file, SHA-256 of the file, paths, particles). The file's hash stands for the rows, so
    /// a manifest names the posterior exactly without copying a thousand rows, and can still be checked.
    /// </summary>
    public static string HashForm(string canonicalJson)
    {
        if (!canonicalJson.Contains(JointSample.JsonKey, StringComparison.Ordinal)) return canonicalJson;
        var tree = JsonNode.Parse(canonicalJson)!;
        if (tree[JointSample.JsonKey] is not JsonObject joint) return canonicalJson;
        if (StoredJointSample.ReferencedKey(joint) is not null)
            throw new InvalidOperationException("the hash form needs the joint sample itself, not its stored reference");
        tree[JointSample.JsonKey] = JointSample.FromJson(joint).Summary();
        return tree.ToJsonString(ConfigJson.Options);
    }

    /// <summary>
    /// Reads canonical JSON back (as a grain receives it): the nominal set and the distributions. A joint sample named
    /// by its key (request JSON) is looked up with <paramref name="stored"/>.
    /// </summary>
    public static (ModelParameters Nominal, ParameterUncertainty Uncertainty) FromCanonicalJson(string json, Func<string, JointSample?>? stored = null)
    {
        var tree = JsonNode.Parse(json) ?? throw new InvalidOperationException("empty parameter set");
        JointSample? joint = null;
        if (tree[JointSample.JsonKey] is JsonObject jointNode)
        {
            joint = StoredJointSample.ReferencedKey(jointNode) is string key
                ? (stored ?? throw new InvalidOperationException($"the parameters name the stored joint sample {key}, and nothing was given to look it up"))(key)
                : JointSample.FromJson(jointNode);
            tree.AsObject().Remove(JointSample.JsonKey);
        }
        var found = Find(tree, "canonical parameters");
        foreach (var p in found) ParameterPath.Set(tree, p.Path, JsonValue.Create(p.Distribution.Median));
        var nominal = tree.Deserialize<ModelParameters>(ConfigJson.Options) ?? throw new InvalidOperationException("empty parameter set");
        return (nominal, new ParameterUncertainty(found, joint));
    }

    /// <summary>The key of the stored joint sample that request JSON names, or null.</summary>
    public static string? StoredSampleKey(string json)
    {
        if (!json.Contains(JointSample.JsonKey, StringComparison.Ordinal)) return null;
        return JsonNode.Parse(json)?[JointSample.JsonKey] is JsonObject joint ? StoredJointSample.ReferencedKey(joint) : null;
    }

    /// <summary>Request JSON with its stored joint sample put back in: the canonical JSON (for a client's result files).</summary>
    public static string WithStoredSample(string json, StoredJointSample sample)
    {
        var tree = JsonNode.Parse(json)!;
        if (tree[JointSample.JsonKey] is not JsonObject joint || StoredJointSample.ReferencedKey(joint) != sample.Key)
            throw new ArgumentException($"the parameters do not name the stored joint sample {sample.Key}");
        tree[JointSample.JsonKey] = JsonNode.Parse(sample.Json);
        return tree.ToJsonString(ConfigJson.Options);
    }

    /// <summary>The distribution objects of a parameter tree, in document order.</summary>
    public static List<UncertainParameter> Find(JsonNode tree, string file) =>
        ParameterPath.Walk(tree)
            .Where(x => DistributionReader.IsDistribution(x.Node))
            .Select(x => new UncertainParameter(x.Path, DistributionReader.Read((JsonObject)x.Node!, file, x.Path)))
            .ToList();
}
