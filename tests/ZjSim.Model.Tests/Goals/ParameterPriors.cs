using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Goals;

/// <summary>
/// The priors of config/zhejiang/priors.json by dotted path, read with the project's DistributionReader.
/// A path without a distribution there (a policy lever, or a value the file fixes) has no prior.
/// </summary>
public sealed class ParameterPriors
{
    public static string FilePath => Path.Combine(TestConfig.Dir, "zhejiang", "priors.json");

    public static ParameterPriors Shipped { get; } = new(FilePath);

    private readonly Dictionary<string, ParameterDistribution> _byPath = [];

    public ParameterPriors(string path)
    {
        var parameters = ScenarioLoader.ReadObject(path)["parameters"]
            ?? throw new InvalidOperationException($"{path} holds no \"parameters\"");
        foreach (var (field, node) in ParameterPath.Walk(parameters))
            if (DistributionReader.IsDistribution(node))
                _byPath[field] = DistributionReader.Read((JsonObject)node!, path, field);
    }

    public IReadOnlyDictionary<string, ParameterDistribution> ByPath => _byPath;

    /// <summary>Why a value may not be set at a path (no prior, or outside its prior's support), or null when it may.</summary>
    public string? Refusal(string path, double value)
    {
        if (!_byPath.TryGetValue(path, out var prior))
            return $"'{path}' has no prior in {FilePath}: a policy lever or a fixed value, which must stay at the baseline's";
        var (lower, upper) = prior.Support;
        return value >= lower && value <= upper ? null
            : $"'{path}' = {value} lies outside the support [{lower}, {upper}] of its {prior.Kind} prior";
    }
}
