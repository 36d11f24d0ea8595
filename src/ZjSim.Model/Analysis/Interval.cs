namespace ZjSim.Model.Analysis;

/// <summary>A point estimate with a two-sided confidence interval.</summary>
public readonly record struct Interval(double Estimate, double Lower, double Upper)
{
    /// <summary>Whether the interval excludes zero: the difference is significant at the interval's level.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
