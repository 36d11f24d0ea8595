using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// How far an observed figure may be from the quantity the model simulates, stated as a normal error with a
/// standard deviation relative to the figure: σ = <see cref="RelativeSd"/> × |observed|. <see cref="Kind"/>
/// says where the error comes from (the figure's rounding, disagreeing sources, a proxy for the model's
/// quantity, revisions of official statistics, or a "more than" figure that only a shortfall can miss);
/// <see cref="Why"/> says how the sd was derived from the sources, or that it is an assumption.
/// </summary>
public sealed record ObservationError(string Kind, double RelativeSd = double.NaN, string Why = "")
{
    /// <summary>An official statistic; its sd is that of later revisions.</summary>
    public const string Official = "official";
    /// <summary>A figure published rounded to d: sd d/√12, the sd of a uniform rounding error.</summary>
    public const string Rounded = "rounded";
    /// <summary>A figure that measures something near, not the same as, the model's quantity.</summary>
    public const string Proxy = "proxy";
    /// <summary>Sources give different values; the spread between them is taken as the error.</summary>
    public const string DisagreeingSources = "disagreeing_sources";
    /// <summary>The source gives "more than" the figure: only a shortfall counts, in units of the sd.</summary>
    public const string LowerBound = "lower_bound";

    public static readonly IReadOnlyList<string> Kinds = [Official, Rounded, Proxy, DisagreeingSources, LowerBound];

    public bool IsLowerBound => Kind == LowerBound;

    /// <summary>The standard deviation of the error of the observed value: relative sd × |observed|.</summary>
    public double Sd(double observed) => RelativeSd * Math.Abs(observed);

    /// <summary>Checks the error model, naming its fields under the given check (at "…error").</summary>
    internal void Validate(ParameterCheck c)
    {
        if (string.IsNullOrWhiteSpace(Kind)) c.Fail("kind", $"is missing: one of {string.Join(", ", Kinds)}");
        else if (!Kinds.Contains(Kind)) c.Fail("kind", $"must be one of {string.Join(", ", Kinds)} (got \"{Kind}\")");
        if (double.IsNaN(RelativeSd)) c.Fail("relative_sd", "is missing: the error's standard deviation relative to the figure");
        else if (!(RelativeSd > 0 && double.IsFinite(RelativeSd))) c.Fail("relative_sd", $"must be a positive number (got {RelativeSd})");
        if (string.IsNullOrWhiteSpace(Why)) c.Fail("why", "must say how the sd was derived from the sources (or that it is an assumption)");
    }
}
