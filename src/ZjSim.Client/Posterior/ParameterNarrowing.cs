using ZjSim.Model.Inference;

namespace ZjSim.Client.Posterior;

/// <summary>What the record did to one parameter's uncertainty.</summary>
public enum Identification
{
    /// <summary>The posterior's 90% interval is less than half the prior's: the record pins the parameter down.</summary>
    Identified,
    /// <summary>Half to four fifths of the prior's width: the record tells something, not much.</summary>
    WeaklyIdentified,
    /// <summary>Four fifths of the prior's width or more: the posterior is (nearly) the prior; the record is silent on it.</summary>
    NotIdentified,
}

/// <summary>
/// One parameter's prior and posterior median and 90% interval (5% to 95%), and the narrowing: the posterior's 90%
/// width over the prior's. A narrowing near 1 says the record leaves the parameter where the prior put it.
/// </summary>
public sealed record ParameterNarrowing(
    string Path, string ShortName, bool StartOnly, string Prior,
    double PriorMedian, double PriorLow, double PriorHigh,
    double Median, double Low, double High)
{
    public const double Lower = 0.05, Upper = 0.95;
    /// <summary>The verdict thresholds on the narrowing (posterior 90% width / prior 90% width).</summary>
    public const double IdentifiedBelow = 0.5, WeaklyIdentifiedBelow = 0.8;

    public static string Thresholds =>
        $"narrowing = posterior 90% width / prior 90% width: identified below {IdentifiedBelow}, weakly identified from {IdentifiedBelow} to {WeaklyIdentifiedBelow}, not identified from {WeaklyIdentifiedBelow} (the record leaves it near its prior)";

    public double Narrowing => (High - Low) / (PriorHigh - PriorLow);

    public Identification Verdict => Narrowing < IdentifiedBelow ? Identification.Identified
        : Narrowing < WeaklyIdentifiedBelow ? Identification.WeaklyIdentified
        : Identification.NotIdentified;

    public static string Name(Identification i) => i switch
    {
        Identification.Identified => "identified",
        Identification.WeaklyIdentified => "weakly identified",
        _ => "not identified",
    };

    /// <summary>Every parameter of the record, in its order.</summary>
    public static IReadOnlyList<ParameterNarrowing> Of(PosteriorRecord record)
    {
        var set = record.Particles;
        var shortNames = ShortNames.For(set.Paths);
        return record.Parameters.Select((p, k) => new ParameterNarrowing(
            p.Path, shortNames[k], p.StartOnly, p.Prior.ToString() ?? p.Prior.Kind,
            p.Prior.Median, p.Prior.Draw(Lower), p.Prior.Draw(Upper),
            set.Quantile(k, 0.5), set.Quantile(k, Lower), set.Quantile(k, Upper))).ToList();
    }
}

/// <summary>A weighted correlation between two parameters of a posterior.</summary>
public sealed record ParameterCorrelation(int A, int B, double R)
{
    /// <summary>All pairs, strongest |r| first (ties in parameter order, so the list is the same on every machine).</summary>
    public static IReadOnlyList<ParameterCorrelation> Strongest(ParticleSet set)
    {
        // One covariance matrix rather than a pass over the particles per pair: the pairs grow as d².
        var c = set.Covariance();
        var pairs = new List<ParameterCorrelation>();
        for (int a = 0; a < set.Paths.Count; a++)
            for (int b = a + 1; b < set.Paths.Count; b++)
                pairs.Add(new ParameterCorrelation(a, b, c[a, a] > 0 && c[b, b] > 0 ? c[a, b] / Math.Sqrt(c[a, a] * c[b, b]) : 0));
        return pairs.OrderByDescending(p => Math.Abs(p.R)).ThenBy(p => p.A).ThenBy(p => p.B).ToList();
    }
}
