using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>{"dist": "beta", "alpha": a, "beta": b}, on [0, 1] or scaled to ["min", "max"].</summary>
public sealed record BetaDistribution(double Alpha, double Beta, double Min, double Max) : ParameterDistribution
{
    public override string Kind => "beta";
    public override (double Lower, double Upper) Support => (Min, Max);
    public override double Quantile(double u) => Min + (Max - Min) * MathNet.Numerics.Distributions.Beta.InvCDF(Alpha, Beta, u);

    /// <summary>The beta density of the rescaled value, divided by the scale (the Jacobian of the rescaling).</summary>
    public override double Density(double x) =>
        InSupport(x) ? MathNet.Numerics.Distributions.Beta.PDF(Alpha, Beta, (x - Min) / (Max - Min)) / (Max - Min) : 0;

    public override double LogDensity(double x) =>
        InSupport(x) ? MathNet.Numerics.Distributions.Beta.PDFLn(Alpha, Beta, (x - Min) / (Max - Min)) - Math.Log(Max - Min) : double.NegativeInfinity;

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["dist"] = Kind, ["alpha"] = Alpha, ["beta"] = Beta };
        if (Min != 0 || Max != 1)
        {
            o["min"] = Min;
            o["max"] = Max;
        }
        return o;
    }

    public override string ToString() => $"beta({Number(Alpha)}, {Number(Beta)}){(Min != 0 || Max != 1 ? Bounds.Text((double?)Min, Max) : "")}";
}
