using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Analysis;

/// <summary>
/// The continuous ranked probability score of a forecast ensemble for an observation (Gneiting &amp; Raftery
/// 2007, eq. 21): CRPS = E|X − y| − ½ E|X − X′|, X and X′ independent draws from the ensemble's (weighted)
/// empirical distribution. Lower is better; it is in the observation's unit and reduces to the absolute error
/// for a one-member ensemble, so it rewards both a centre near the observation and a spread no wider than needed.
/// </summary>
/// <remarks>
/// On the ensemble sorted as x₍₁₎ ≤ … ≤ x₍ₙ₎ with weights w (summing to 1),
/// E|X − X′| = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| = 2 Σᵢ wᵢ x₍ᵢ₎ (W₍&lt;ᵢ₎ − W₍&gt;ᵢ₎), with W₍&lt;ᵢ₎ and W₍&gt;ᵢ₎ the weights below and
/// above position i, so the score takes O(n log n) (the sort) instead of O(n²). Ties need no care: tied members
/// add zero to the double sum whatever their order. Members that produced no value (NaN) are left out, as in
/// <see cref="Quantiles"/>, and the remaining weights renormalised.
/// </remarks>
public static class Crps
{
    /// <summary>The CRPS of an equally weighted ensemble.</summary>
    public static double Of(IReadOnlyList<double> ensemble, double observation) =>
        Of(ensemble, weights: null, observation);

    /// <summary>The CRPS of a weighted ensemble (weights ≥ 0, not all zero; normalised here).</summary>
    public static double Of(IReadOnlyList<double> ensemble, IReadOnlyList<double>? weights, double observation)
    {
        if (weights is not null && weights.Count != ensemble.Count)
            throw new ArgumentException($"{weights.Count} weights for {ensemble.Count} ensemble members", nameof(weights));
        if (!double.IsFinite(observation)) throw new ArgumentException($"the observation must be a number (got {observation})", nameof(observation));
        var members = new List<(double X, double W)>(ensemble.Count);
        for (int i = 0; i < ensemble.Count; i++)
        {
            double w = weights?[i] ?? 1;
            if (!(w >= 0 && double.IsFinite(w))) throw new ArgumentException($"weight {i} must be a non-negative number (got {w})", nameof(weights));
            if (!double.IsNaN(ensemble[i]) && w > 0) members.Add((ensemble[i], w));
        }
        if (members.Count == 0) throw new ArgumentException("the ensemble has no member with a value and a positive weight", nameof(ensemble));
        members.Sort((a, b) => a.X.CompareTo(b.X));
        double total = 0;
        foreach (var m in members) total += m.W;

        double absError = 0, spread = 0, below = 0;
        foreach (var (x, raw) in members)
        {
            double w = raw / total;
            double above = Math.Max(0, 1 - below - w);
            absError += w * Math.Abs(x - observation);
            spread += w * x * (below - above);   // ½ E|X − X′|
            below += w;
        }
        return absError - spread;
    }

    /// <summary>
    /// The CRPS of a normal forecast N(μ, σ) in closed form (Gneiting et al. 2005):
    /// σ [z (2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ.
    /// </summary>
    public static double OfNormal(double mean, double sd, double observation)
    {
        if (!(sd > 0)) throw new ArgumentOutOfRangeException(nameof(sd), sd, "the forecast's sd must be positive");
        double z = (observation - mean) / sd;
        return sd * (z * (2 * Normal.CDF(0, 1, z) - 1) + 2 * Normal.PDF(0, 1, z) - 1 / Math.Sqrt(Math.PI));
    }
}
