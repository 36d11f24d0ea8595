namespace ZjSim.Model.Experiments;

/// <summary>
/// The sampling scheme of Saltelli (2002, 2010) for first- and total-order Sobol' indices, as SALib lays it out
/// without second-order terms: for each of N base rows, the block A, AB_1 .. AB_k, B (k + 2 points), where A and B
/// are the two halves of a 2k-dimensional Sobol' point and AB_i is A with its i-th column taken from B.
/// The points are in the unit cube; a design maps them onto each parameter's range or distribution.
/// </summary>
public static class SaltelliDesign
{
    public static int BlockSize(int parameters) => parameters + 2;

    /// <summary>N (k + 2) points. The first N Sobol' points are skipped, as SALib does, so the origin is not used.</summary>
    public static double[][] Sample(int baseSamples, int parameters)
    {
        if (baseSamples < 2) throw new ArgumentOutOfRangeException(nameof(baseSamples), "a Saltelli design needs N >= 2");
        if (2 * parameters > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(parameters), $"a Saltelli design here takes at most {SobolSequence.MaxDimensions / 2} parameters");
        int k = parameters;
        var basePoints = new SobolSequence(2 * k).Points(baseSamples, skip: baseSamples);
        var rows = new double[baseSamples * (k + 2)][];
        for (int j = 0; j < baseSamples; j++)
        {
            var a = basePoints[j][..k];
            var b = basePoints[j][k..];
            int at = j * (k + 2);
            rows[at] = a;
            for (int i = 0; i < k; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                rows[at + 1 + i] = ab;
            }
            rows[at + k + 1] = b;
        }
        return rows;
    }
}
