using System.Globalization;

namespace ZjSim.Model.Experiments;

/// <summary>
/// Sobol' low-discrepancy points in [0, 1)^d (Bratley and Fox 1988, Gray-code order), from the direction
/// numbers of Joe and Kuo (2008, new-joe-kuo-6.21201). Dimension 1 is van der Corput. No served NuGet package
/// has the generator, and the table for the dimensions a Saltelli design needs (2k) is small.
/// </summary>
public sealed class SobolSequence
{
    private const int Bits = 32;

    // One row per dimension from 2: s (degree), a (polynomial coefficients), m_1..m_s.
    private const string JoeKuo =
        "1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|5 7 1 1 7 11 19|" +
        "5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|6 13 1 1 1 15 21 21|6 16 1 3 1 13 27 49|" +
        "6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|7 4 1 3 7 13 13 15 69|" +
        "7 7 1 1 3 13 7 35 63|7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|" +
        "7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|7 41 1 3 5 13 23 1 55|" +
        "7 42 1 3 7 3 13 59 17|7 50 1 3 1 3 5 53 69|7 55 1 1 5 5 23 33 13|7 56 1 1 7 7 1 61 123|7 59 1 1 7 9 13 61 49|" +
        "7 62 1 3 3 5 3 55 33|8 14 1 3 1 15 31 13 49 245|8 21 1 3 5 15 31 59 63 97|8 22 1 3 1 11 11 11 77 249|" +
        "8 38 1 3 1 11 27 43 71 9|8 47 1 1 7 15 21 11 81 45|8 49 1 3 7 3 25 31 65 79|8 50 1 3 1 1 19 11 3 205|" +
        "8 52 1 1 5 9 19 21 29 157|8 56 1 3 7 11 1 33 89 185|8 67 1 3 3 3 15 9 79 71|8 70 1 3 7 11 15 39 119 27|" +
        "8 84 1 1 3 1 11 31 97 225|8 97 1 1 1 3 23 43 57 177|8 103 1 3 7 7 17 17 37 71";

    private static readonly int[][] Rows = JoeKuo.Split('|')
        .Select(r => r.Split(' ').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    /// <summary>The most dimensions the table covers.</summary>
    public static int MaxDimensions => Rows.Length + 1;

    private readonly uint[][] _v;   // direction numbers, [dimension][bit]

    public int Dimensions { get; }

    public SobolSequence(int dimensions)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"Sobol' points have 1..{MaxDimensions} dimensions here (got {dimensions})");
        Dimensions = dimensions;
        _v = new uint[dimensions][];
        _v[0] = Enumerable.Range(0, Bits).Select(i => 1u << (Bits - 1 - i)).ToArray();
        for (int j = 1; j < dimensions; j++)
        {
            var row = Rows[j - 1];
            int s = row[0], a = row[1];
            var v = new uint[Bits];
            for (int i = 0; i < s && i < Bits; i++) v[i] = (uint)row[2 + i] << (Bits - 1 - i);
            for (int i = s; i < Bits; i++)
            {
                uint x = v[i - s] ^ (v[i - s] >> s);
                for (int k = 1; k < s; k++) x ^= ((uint)(a >> (s - 1 - k)) & 1u) * v[i - k];
                v[i] = x;
            }
            _v[j] = v;
        }
    }

    /// <summary>Points <paramref name="skip"/> .. skip + count - 1 of the sequence (point 0 is the origin).</summary>
    public double[][] Points(int count, int skip = 0)
    {
        var x = new uint[Dimensions];
        var result = new double[count][];
        // Point i is the state after i Gray-code updates: each flips the direction number of i's lowest zero bit.
        for (long i = 0; i < skip + count; i++)
        {
            if (i >= skip) result[i - skip] = x.Select(b => b / 4294967296.0).ToArray();
            int c = System.Numerics.BitOperations.TrailingZeroCount(~(uint)i);
            for (int j = 0; j < Dimensions; j++) x[j] ^= _v[j][c];
        }
        return result;
    }
}
