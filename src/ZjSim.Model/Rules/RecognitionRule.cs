namespace ZjSim.Model.Rules;

/// <summary>
/// Titles are granted in yearly recognition batches whose size is policy, among the enterprises that apply. A candidate
/// (eligible, not yet holding the title at the start of the year) applies with the title's application_rate; the
/// province recognises up to the batch among the applicants, each with probability min(1, batch / applicants). So a
/// candidate is recognised with probability min(application_rate, batch / candidates): the year grants about the batch
/// when enterprises' demand for the title is deep, and about application_rate × candidates when it is not.
/// </summary>
public static class RecognitionRule
{
    public static double GrantProbability(double batch, double scale, long candidates, double applicationRate) =>
        candidates <= 0 || batch <= 0 ? 0 : Math.Min(applicationRate, batch * scale / candidates);
}
