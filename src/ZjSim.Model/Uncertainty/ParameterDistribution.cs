using System.Globalization;
using System.Text.Json.Nodes;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// What we do not know about a parameter: a distribution that a replication draws the parameter's value
/// from, once, by inversion of its CDF from one uniform (so one uniform gives one value, and the same
/// uniform gives the same value on every silo).
/// </summary>
public abstract record ParameterDistribution
{
    /// <summary>Keeps the uniform off 0 and 1, where unbounded quantiles are infinite.</summary>
    private const double Margin = 1.0 / (1UL << 53);

    /// <summary>The name used in scenario files: "uniform", "normal", ...</summary>
    public abstract string Kind { get; }

    /// <summary>The smallest and largest values a draw can take (infinite when unbounded).</summary>
    public abstract (double Lower, double Upper) Support { get; }

    /// <summary>The value at probability u of the (truncated) distribution, u in (0, 1).</summary>
    public abstract double Quantile(double u);

    /// <summary>
    /// The probability density at x of the (truncated) distribution: renormalised over the support, 0 outside it.
    /// Bayesian calibration weighs its particles by it.
    /// </summary>
    public abstract double Density(double x);

    /// <summary>
    /// ln Density(x) (−∞ outside the support). Kept separate because a product of some fifty densities, or one
    /// normal density far in its tail, underflows where the sum of logarithms does not.
    /// </summary>
    public virtual double LogDensity(double x) => Math.Log(Density(x));

    /// <summary>Whether x lies in the closed support (NaN does not).</summary>
    protected bool InSupport(double x)
    {
        var (lower, upper) = Support;
        return x >= lower && x <= upper;
    }

    /// <summary>The canonical JSON form, with a fixed key order, as the manifest records it.</summary>
    public abstract JsonObject ToJson();

    /// <summary>The value a uniform draw maps to; kept inside the support against rounding.</summary>
    public double Draw(double u)
    {
        var (lower, upper) = Support;
        return Math.Clamp(Quantile(Math.Clamp(u, Margin, 1 - Margin)), lower, upper);
    }

    /// <summary>The value a scenario's nominal parameter set uses: what the loader validates and shows.</summary>
    public double Median => Draw(0.5);

    protected static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
