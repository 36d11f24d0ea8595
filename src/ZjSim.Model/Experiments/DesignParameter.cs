using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Experiments;

/// <summary>
/// A parameter (or policy lever) an experiment varies: its dotted path, the distribution its values are taken from
/// (a plain range is a uniform one) and whether the model takes whole numbers there, which are rounded.
/// </summary>
public sealed record DesignParameter(string Path, ParameterDistribution Distribution, bool WholeNumber)
{
    /// <summary>The value at position u of the unit interval: the distribution's quantile (its ends at 0 and 1).</summary>
    public double ValueAt(double u)
    {
        var (lower, upper) = Distribution.Support;
        double v = u <= 0 ? lower : u >= 1 ? upper : Distribution.Draw(u);
        return WholeNumber ? Math.Round(v, MidpointRounding.AwayFromZero) : v;
    }
}
