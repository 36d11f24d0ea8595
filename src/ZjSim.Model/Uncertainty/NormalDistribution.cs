using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>{"dist": "normal", "mean": m, "sd": s} with optional "min"/"max" truncation.</summary>
public sealed record NormalDistribution(double Mean, double Sd, double? Min, double? Max) : ParameterDistribution
{
    public override string Kind => "normal";
    public override (double Lower, double Upper) Support => (Min ?? double.NegativeInfinity, Max ?? double.PositiveInfinity);

    public override double Quantile(double u)
    {
        var (lower, upper) = Support;
        return Mean + Sd * Truncation.StandardNormalQuantile((lower - Mean) / Sd, (upper - Mean) / Sd, u);
    }

    /// <summary>The untruncated density divided by the mass the truncation keeps, so it integrates to 1 over the support.</summary>
    public override double Density(double x) => InSupport(x) ? MathNet.Numerics.Distributions.Normal.PDF(Mean, Sd, x) / KeptMass : 0;

    public override double LogDensity(double x) =>
        InSupport(x) ? MathNet.Numerics.Distributions.Normal.PDFLn(Mean, Sd, x) - Math.Log(KeptMass) : double.NegativeInfinity;

    /// <summary>The share of the untruncated distribution that the truncation keeps.</summary>
    public double KeptMass
    {
        get
        {
            var (lower, upper) = Support;
            return Truncation.StandardNormalMass((lower - Mean) / Sd, (upper - Mean) / Sd);
        }
    }

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["dist"] = Kind, ["mean"] = Mean, ["sd"] = Sd };
        if (Min is double min) o["min"] = min;
        if (Max is double max) o["max"] = max;
        return o;
    }

    public override string ToString() => $"normal(mean {Number(Mean)}, sd {Number(Sd)}){Bounds.Text(Min, Max)}";
}
