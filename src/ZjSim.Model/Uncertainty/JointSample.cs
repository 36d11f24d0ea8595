using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model.Inference;
using ZjSim.Model.Random;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// Parameters known only jointly, as a sample: the calibration's posterior (one weighted particle per row), or a
/// batch of candidates that the calibration simulates (one row per replication). A replication takes all the
/// sample's parameters from one row, so their correlations survive; in <see cref="JointSelection.Weighted"/> the row
/// is picked by one uniform from the stream (seed, replication, <see cref="Entity"/>, base year, ParameterDraw), which
/// depends on nothing but the seed and the replication: every scenario's replication r takes the same row (common
/// random numbers), on every silo and at every granularity.
/// </summary>
public sealed record JointSample(ParticleSet Particles, JointSelection Selection, string Source, string Sha256)
{
    /// <summary>The stream entity of the row draws: a fixed name's hash, apart from every parameter's.</summary>
    public static int Entity { get; } = UncertainParameter.StreamEntity("joint sample");

    public IReadOnlyList<string> Paths => Particles.Paths;

    /// <summary>The row replication <paramref name="replication"/> takes.</summary>
    public int Row(ulong seed, int replication, int baseYear)
    {
        if (Selection == JointSelection.Indexed)
            return replication < Particles.Count ? replication
                : throw new InvalidOperationException($"replication {replication} has no candidate row (the batch holds {Particles.Count})");
        double u = new RandomStream(seed, replication, Entity, baseYear, Purpose.ParameterDraw).Uniform(0);
        return Particles.Pick(u);
    }

    /// <summary>The sample without the given paths (an experiment or a calibration that sets them itself).</summary>
    public JointSample? Without(IEnumerable<string> paths)
    {
        var drop = paths.ToHashSet();
        var keep = Enumerable.Range(0, Paths.Count).Where(k => !drop.Contains(Paths[k])).ToArray();
        if (keep.Length == Paths.Count) return this;
        if (keep.Length == 0) return null;
        var rows = Particles.Values.Select(v => keep.Select(k => v[k]).ToArray()).ToArray();
        return this with { Particles = new ParticleSet(keep.Select(k => Paths[k]).ToArray(), rows, Particles.Weights) };
    }

    public const string JsonKey = "joint_sample";

    /// <summary>The canonical form carried in a run's parameters, so every silo draws from exactly this sample.</summary>
    public JsonObject ToJson() => new()
    {
        ["source"] = Source,
        ["sha256"] = Sha256,
        ["selection"] = Selection == JointSelection.Weighted ? "weighted" : "indexed",
        ["paths"] = new JsonArray(Paths.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        ["weights"] = new JsonArray(Particles.Weights.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
        ["rows"] = new JsonArray(Particles.Values.Select(r => (JsonNode)new JsonArray(r.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray())).ToArray()),
    };

    /// <summary>A short description for a manifest: what the sample is, without its rows.</summary>
    public JsonObject Summary() => new()
    {
        ["source"] = Source,
        ["sha256"] = Sha256,
        ["selection"] = Selection == JointSelection.Weighted ? "weighted" : "indexed",
        ["particles"] = Particles.Count,
        ["effective_sample_size"] = Math.Round(Particles.EffectiveSampleSize, 1),
        ["paths"] = new JsonArray(Paths.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
    };

    public static JointSample FromJson(JsonObject o)
    {
        var paths = ((JsonArray)o["paths"]!).Select(n => n!.GetValue<string>()).ToArray();
        var weights = ((JsonArray)o["weights"]!).Select(n => n!.GetValue<double>()).ToArray();
        var rows = ((JsonArray)o["rows"]!).Select(r => ((JsonArray)r!).Select(n => n!.GetValue<double>()).ToArray()).ToArray();
        var selection = o["selection"]!.GetValue<string>() == "weighted" ? JointSelection.Weighted : JointSelection.Indexed;
        return new JointSample(new ParticleSet(paths, rows, weights), selection, o["source"]!.GetValue<string>(), o["sha256"]!.GetValue<string>());
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Particles.Count} {(Selection == JointSelection.Weighted ? "weighted particles" : "candidates")} of {Paths.Count} parameters from {Source}");
}

/// <summary>How a replication picks its row of a joint sample.</summary>
public enum JointSelection
{
    /// <summary>By a uniform draw against the weights (a posterior).</summary>
    Weighted,
    /// <summary>Row r for replication r (a calibration's batch of candidates).</summary>
    Indexed,
}
