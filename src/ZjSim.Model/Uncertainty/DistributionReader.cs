using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// Reads a distribution object of a scenario file and checks its own fields: a known "dist", every required
/// field a finite number, no unknown field, sound bounds. Every problem is one ConfigException naming the
/// file and the parameter's dotted path.
/// </summary>
public static class DistributionReader
{
    public const string KindKey = "dist";

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Fields = new()
    {
        ["uniform"] = (["min", "max"], []),
        ["normal"] = (["mean", "sd"], ["min", "max"]),
        ["lognormal"] = (["mu", "sigma"], ["min", "max"]),
        ["beta"] = (["alpha", "beta"], ["min", "max"]),
        ["triangular"] = (["min", "mode", "max"], []),
    };

    /// <summary>Whether a JSON node is a distribution object (an object with a "dist" key).</summary>
    public static bool IsDistribution(JsonNode? node) => node is JsonObject o && o.ContainsKey(KindKey);

    public static ParameterDistribution Read(JsonObject node, string file, string path)
    {
        ConfigException Fail(string problem) => new(file, path, problem);

        if (node[KindKey] is not JsonValue kindValue || !kindValue.TryGetValue(out string? kind))
            throw Fail($"is a distribution whose \"{KindKey}\" must be a name: one of {string.Join(", ", Fields.Keys)}");
        if (!Fields.TryGetValue(kind, out var fields))
            throw Fail($"is a distribution of unknown kind \"{kind}\" (known: {string.Join(", ", Fields.Keys)})");

        var values = new Dictionary<string, double>();
        foreach (var (key, value) in node)
        {
            if (key == KindKey) continue;
            if (!fields.Required.Contains(key) && !fields.Optional.Contains(key))
                throw Fail($"is a {kind} distribution, which has no field \"{key}\" (fields: {string.Join(", ", fields.Required.Concat(fields.Optional))})");
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !double.IsFinite(v.GetValue<double>()))
                throw Fail($"is a {kind} distribution whose \"{key}\" must be a finite number (got {value?.ToJsonString() ?? "null"})");
            values[key] = v.GetValue<double>();
        }
        foreach (var required in fields.Required)
            if (!values.ContainsKey(required))
                throw Fail($"is a {kind} distribution without its \"{required}\" (needs: {string.Join(", ", fields.Required)})");

        double? Optional(string key) => values.TryGetValue(key, out double v) ? v : null;
        void Require(bool ok, string problem) { if (!ok) throw Fail($"is a {kind} distribution whose {problem}"); }
        void Ordered(double? min, double? max)
        {
            if (min is double a && max is double b) Require(a < b, $"min ({a}) is not below its max ({b})");
        }

        switch (kind)
        {
            case "uniform":
                Ordered(values["min"], values["max"]);
                return new UniformDistribution(values["min"], values["max"]);
            case "normal":
            {
                Require(values["sd"] > 0, $"sd must be above 0 (got {values["sd"]})");
                Ordered(Optional("min"), Optional("max"));
                var d = new NormalDistribution(values["mean"], values["sd"], Optional("min"), Optional("max"));
                Require(d.KeptMass >= Truncation.MinimumMass, "truncation keeps almost none of the distribution (move min/max towards the mean)");
                return d;
            }
            case "lognormal":
            {
                Require(values["sigma"] > 0, $"sigma must be above 0 (got {values["sigma"]})");
                Require(Optional("min") is not double lo || lo >= 0, $"min must not be negative: a lognormal value is positive (got {Optional("min")})");
                Require(Optional("max") is not double hi || hi > 0, $"max must be above 0 (got {Optional("max")})");
                Ordered(Optional("min"), Optional("max"));
                var d = new LogNormalDistribution(values["mu"], values["sigma"], Optional("min"), Optional("max"));
                Require(d.KeptMass >= Truncation.MinimumMass, "truncation keeps almost none of the distribution (move min/max towards exp(mu))");
                return d;
            }
            case "beta":
            {
                Require(values["alpha"] > 0, $"alpha must be above 0 (got {values["alpha"]})");
                Require(values["beta"] > 0, $"beta must be above 0 (got {values["beta"]})");
                Require(Optional("min").HasValue == Optional("max").HasValue, "min and max must be given together (to scale it from [0, 1]) or not at all");
                Ordered(Optional("min"), Optional("max"));
                return new BetaDistribution(values["alpha"], values["beta"], Optional("min") ?? 0, Optional("max") ?? 1);
            }
            default:
            {
                double min = values["min"], mode = values["mode"], max = values["max"];
                Ordered(min, max);
                Require(min <= mode && mode <= max, $"mode ({mode}) must lie between its min ({min}) and max ({max})");
                return new TriangularDistribution(min, mode, max);
            }
        }
    }
}
