namespace ZjSim.Model.Experiments;

/// <summary>
/// A full-factorial grid: every combination of each parameter's levels, evenly spaced over [0, 1] (both ends
/// included), the last parameter varying fastest.
/// </summary>
public static class FullFactorial
{
    public static double[][] Sample(IReadOnlyList<int> levels)
    {
        if (levels.Any(l => l < 1)) throw new ArgumentOutOfRangeException(nameof(levels), "every parameter needs at least one level");
        long count = levels.Aggregate(1L, (a, l) => a * l);
        if (count > 10_000_000) throw new ArgumentOutOfRangeException(nameof(levels), $"the grid would hold {count} points");
        var rows = new double[count][];
        for (long n = 0; n < count; n++)
        {
            var row = new double[levels.Count];
            long rest = n;
            for (int j = levels.Count - 1; j >= 0; j--)
            {
                int l = levels[j];
                int at = (int)(rest % l);
                rest /= l;
                row[j] = l == 1 ? 0.5 : at / (double)(l - 1);
            }
            rows[n] = row;
        }
        return rows;
    }
}
