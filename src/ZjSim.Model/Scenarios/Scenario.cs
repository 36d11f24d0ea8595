using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// A scenario with every parameter resolved (defaults merged with the scenario's overrides),
/// its canonical JSON and the hash that identifies it in a manifest.
/// </summary>
public sealed record Scenario(string Name, string Description, string SourcePath, ModelParameters Parameters)
{
    public string CanonicalJson { get; } = JsonSerializer.Serialize(Parameters, ConfigJson.Options);

    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));

    /// <summary>Rebuilds a scenario from canonical JSON, as a grain receives it.</summary>
    public static ModelParameters ParametersFromJson(string json) =>
        JsonSerializer.Deserialize<ModelParameters>(json, ConfigJson.Options)
        ?? throw new InvalidOperationException("empty parameter set");
}
