using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// {"dist": "lognormal", "mu": m, "sigma": s}: ln(value) is normal with mean mu and sd sigma; optional
/// "min"/"max" truncate the value (a min of 0 truncates nothing).
/// </summary>
public sealed record LogNormalDistribution(double Mu, double Sigma, double? Min, double? Max) : ParameterDistribution
{
    public override string Kind => "lognormal";
    public override (double Lower, double Upper) Support => (Min ?? 0, Max ?? double.PositiveInfinity);

    public override double Quantile(double u)
    {
        var (a, b) = LogBounds;
        return Math.Exp(Mu + Sigma * Truncation.StandardNormalQuantile(a, b, u));
    }

    /// <summary>The untruncated density divided by the mass the truncation keeps; 0 at and below 0.</summary>
    public override double Density(double x) => InSupport(x) && x > 0 ? MathNet.Numerics.Distributions.LogNormal.PDF(Mu, Sigma, x) / KeptMass : 0;

    public override double LogDensity(double x) =>
        InSupport(x) && x > 0 ? MathNet.Numerics.Distributions.LogNormal.PDFLn(Mu, Sigma, x) - Math.Log(KeptMass) : double.NegativeInfinity;

    public double KeptMass => Truncation.StandardNormalMass(LogBounds.A, LogBounds.B);

    /// <summary>The truncation in standard units of ln(value).</summary>
    private (double A, double B) LogBounds
    {
        get
        {
            var (lower, upper) = Support;
            double a = lower > 0 ? (Math.Log(lower) - Mu) / Sigma : double.NegativeInfinity;
            double b = double.IsPositiveInfinity(upper) ? double.PositiveInfinity : (Math.Log(upper) - Mu) / Sigma;
            return (a, b);
        }
    }

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["dist"] = Kind, ["mu"] = Mu, ["sigma"] = Sigma };
        if (Min is double min) o["min"] = min;
        if (Max is double max) o["max"] = max;
        return o;
    }

    public override string ToString() => $"lognormal(mu {Number(Mu)}, sigma {Number(Sigma)}){Bounds.Text(Min, Max)}";
}
