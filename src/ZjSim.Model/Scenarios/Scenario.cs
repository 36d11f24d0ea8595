using System.Security.Cryptography;
using System.Text;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// A scenario with every parameter resolved (defaults merged with the scenario's overrides),
/// its canonical JSON and the hash that identifies it in a manifest. Uncertain parameters are
/// their medians in <see cref="Parameters"/> and distributions in the canonical JSON.
/// </summary>
public sealed record Scenario(string Name, string Description, string SourcePath, ModelParameters Parameters, ParameterUncertainty? Uncertain = null)
{
    public ParameterUncertainty Uncertainty => Uncertain ?? ParameterUncertainty.None;

    public string CanonicalJson { get; } = (Uncertain ?? ParameterUncertainty.None).CanonicalJson(Parameters);

    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));

    /// <summary>Rebuilds a scenario's nominal parameters from canonical JSON, as a grain receives it.</summary>
    public static ModelParameters ParametersFromJson(string json) => ParameterUncertainty.FromCanonicalJson(json).Nominal;
}
