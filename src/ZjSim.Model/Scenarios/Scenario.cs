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

    // Computed on first use for the parameters and uncertainty they were computed from: a copy made with `with { ... }`
    // carries the caches along, and the references tell it apart (a stale canonical JSON once sent the prior
    // instead of the calibration's candidates to the grains).
    private (ModelParameters Parameters, ParameterUncertainty? Uncertain, string Json)? _canonical;
    private (ModelParameters Parameters, ParameterUncertainty? Uncertain, string Json, string Hash)? _request;

    /// <summary>The parameters with every uncertain one as its distribution, a posterior with all its rows.</summary>
    public string CanonicalJson
    {
        get
        {
            if (_canonical is { } c && ReferenceEquals(c.Parameters, Parameters) && ReferenceEquals(c.Uncertain, Uncertain)) return c.Json;
            var made = (Parameters, Uncertain, Uncertainty.CanonicalJson(Parameters));
            _canonical = made;
            return made.Item3;
        }
    }

    /// <summary>The canonical JSON as a run request carries it: a posterior named by its stored key (<see cref="StoredJointSample"/>).</summary>
    public string RequestJson => Request().Json;

    /// <summary>SHA-256 of the canonical JSON, with a posterior's rows standing in by its file's hash (<see cref="ParameterUncertainty.HashForm"/>).</summary>
    public string Hash => Request().Hash;

    private (ModelParameters, ParameterUncertainty?, string Json, string Hash) Request()
    {
        if (_request is { } c && ReferenceEquals(c.Parameters, Parameters) && ReferenceEquals(c.Uncertain, Uncertain)) return c;
        string json = Uncertainty.RequestJson(Parameters);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Uncertainty.HashFormJson(Parameters))));
        var made = (Parameters, Uncertain, json, hash);
        _request = made;
        return made;
    }

    public bool Equals(Scenario? other) =>
        other is not null && Name == other.Name && Description == other.Description && SourcePath == other.SourcePath
        && CanonicalJson == other.CanonicalJson;

    public override int GetHashCode() => HashCode.Combine(Name, Description, SourcePath, Hash);

    /// <summary>Rebuilds a scenario's nominal parameters from canonical JSON, as a grain receives it.</summary>
    public static ModelParameters ParametersFromJson(string json) => ParameterUncertainty.FromCanonicalJson(json, stored: _ => null).Nominal;   // the nominal set needs no joint sample
}
