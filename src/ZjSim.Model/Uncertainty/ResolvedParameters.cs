using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Uncertainty;

/// <summary>One replication's parameters: the values it took for its uncertain (or fixed) paths, and the full set they give.</summary>
public sealed record ResolvedParameters(IReadOnlyList<string> Paths, IReadOnlyList<double> Values, ModelParameters Parameters);
