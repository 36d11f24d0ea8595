using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>{"dist": "triangular", "min": a, "mode": c, "max": b}: a low, a most likely and a high value.</summary>
public sealed record TriangularDistribution(double Min, double Mode, double Max) : ParameterDistribution
{
    public override string Kind => "triangular";
    public override (double Lower, double Upper) Support => (Min, Max);
    public override double Quantile(double u) => MathNet.Numerics.Distributions.Triangular.InvCDF(Min, Max, Mode, u);
    public override double Density(double x) => InSupport(x) ? MathNet.Numerics.Distributions.Triangular.PDF(Min, Max, Mode, x) : 0;
    public override JsonObject ToJson() => new() { ["dist"] = Kind, ["min"] = Min, ["mode"] = Mode, ["max"] = Max };
    public override string ToString() => $"triangular({Number(Min)}, {Number(Mode)}, {Number(Max)})";
}
