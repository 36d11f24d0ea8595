using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Calibration;

/// <summary>
/// A parameter calibration fits, inside its prior's support [Lower, Upper]. The search runs on
/// θ = logit((x − Lower)/(Upper − Lower)), so Nelder–Mead, which knows no bounds, can never leave the range.
/// </summary>
public sealed record FitParameter(string Path, ParameterDistribution Prior)
{
    /// <summary>How close to a bound θ may start, in share of the range (logit of 0 or 1 is infinite).</summary>
    private const double Edge = 1e-6;

    public double Lower => Prior.Support.Lower;
    public double Upper => Prior.Support.Upper;
    public double Start => Prior.Median;

    public double ToValue(double theta) => Lower + (Upper - Lower) / (1 + Math.Exp(-theta));

    public double ToTheta(double value)
    {
        double x = Math.Clamp((value - Lower) / (Upper - Lower), Edge, 1 - Edge);
        return Math.Log(x / (1 - x));
    }

    /// <summary>Whether a fitted value sits against a bound (within 0.5% of the range): the data push past the prior.</summary>
    public bool AtBound(double value) => Math.Min(value - Lower, Upper - value) < 0.005 * (Upper - Lower);

    public static IReadOnlyList<FitParameter> From(ParameterUncertainty priors) =>
        priors.Parameters.Select(p => new FitParameter(p.Path, p.Distribution)).ToList();
}
