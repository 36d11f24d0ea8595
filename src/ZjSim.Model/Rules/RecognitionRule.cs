namespace ZjSim.Model.Rules;

/// <summary>
/// Titles are granted in yearly recognition batches whose size is policy: each candidate (eligible, not yet holding the
/// title at the start of the year) is recognised with probability batch / candidates, so a year grants
/// Binomial(candidates, min(1, batch / candidates)): the batch when the pool is deep, the pool when it is not.
/// </summary>
public static class RecognitionRule
{
    public static double GrantProbability(double batch, double scale, long candidates) =>
        candidates <= 0 || batch <= 0 ? 0 : Math.Min(1, batch * scale / candidates);
}
