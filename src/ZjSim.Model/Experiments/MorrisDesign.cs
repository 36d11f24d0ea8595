namespace ZjSim.Model.Experiments;

/// <summary>
/// Morris (1991) one-at-a-time trajectories on a p-level grid of the unit cube: each trajectory starts at a random
/// grid point and moves every parameter once, in random order, by Δ = p / (2 (p - 1)) up or down. r trajectories
/// of k + 1 points each. The change between consecutive points is one parameter's elementary effect.
/// </summary>
public static class MorrisDesign
{
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    public static double[][] Sample(int trajectories, int parameters, int levels, ulong seed)
    {
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), "Morris levels must be an even number, at least 2");
        if (trajectories < 2) throw new ArgumentOutOfRangeException(nameof(trajectories), "Morris needs at least 2 trajectories");
        int k = parameters;
        double delta = Delta(levels);
        var random = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        // Start values from the lower half of the grid, so x + Δ stays in [0, 1].
        int startLevels = levels / 2;
        var rows = new double[trajectories * (k + 1)][];
        for (int t = 0; t < trajectories; t++)
        {
            var x = new double[k];
            var up = new bool[k];
            for (int i = 0; i < k; i++)
            {
                up[i] = random.Next(2) == 0;
                double low = random.Next(startLevels) / (double)(levels - 1);
                x[i] = up[i] ? low : low + delta;     // a downward move starts Δ higher
            }
            var order = Enumerable.Range(0, k).ToArray();
            random.Shuffle(order);
            rows[t * (k + 1)] = (double[])x.Clone();
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                x[i] += up[i] ? delta : -delta;
                x[i] = Math.Round(x[i] * (levels - 1)) / (levels - 1);   // stay exactly on the grid
                rows[t * (k + 1) + s + 1] = (double[])x.Clone();
            }
        }
        return rows;
    }
}
