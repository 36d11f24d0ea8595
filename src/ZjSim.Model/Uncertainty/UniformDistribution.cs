using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>{"dist": "uniform", "min": a, "max": b}: every value in [a, b] equally likely.</summary>
public sealed record UniformDistribution(double Min, double Max) : ParameterDistribution
{
    public override string Kind => "uniform";
    public override (double Lower, double Upper) Support => (Min, Max);
    public override double Quantile(double u) => MathNet.Numerics.Distributions.ContinuousUniform.InvCDF(Min, Max, u);
    public override double Density(double x) => InSupport(x) ? 1 / (Max - Min) : 0;
    public override JsonObject ToJson() => new() { ["dist"] = Kind, ["min"] = Min, ["max"] = Max };
    public override string ToString() => $"uniform({Number(Min)}, {Number(Max)})";
}
