namespace ZjSim.Model.Experiments;

/// <summary>
/// Latin hypercube points in the unit cube (McKay, Beckman and Conover 1979): each parameter's range is cut into n
/// equal strata and each stratum holds exactly one of the n points, at a uniform position within it.
/// </summary>
public static class LatinHypercube
{
    public static double[][] Sample(int points, int parameters, ulong seed)
    {
        if (points < 1) throw new ArgumentOutOfRangeException(nameof(points));
        var random = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var rows = Enumerable.Range(0, points).Select(_ => new double[parameters]).ToArray();
        for (int j = 0; j < parameters; j++)
        {
            var strata = Enumerable.Range(0, points).ToArray();
            random.Shuffle(strata);
            for (int i = 0; i < points; i++) rows[i][j] = (strata[i] + random.NextDouble()) / points;
        }
        return rows;
    }
}
