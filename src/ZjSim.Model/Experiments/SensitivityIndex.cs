using ZjSim.Model.Analysis;

namespace ZjSim.Model.Experiments;

/// <summary>One parameter's Sobol' indices: first order (its effect alone) and total order (with all its interactions).</summary>
public sealed record SensitivityIndex(string Parameter, Interval FirstOrder, Interval TotalOrder);
