namespace ZjSim.Model.Random;

/// <summary>
/// A stream of uniform draws keyed by (seed, replication, entity, year, purpose).
/// Draw i of a stream is Philox(counter = (i, entity, year·256 + purpose, replication), key = seed):
/// no state is shared between entities, so granularity and scheduling cannot change a result.
/// </summary>
public readonly struct RandomStream
{
    private readonly uint _k0, _k1, _entity, _yearPurpose, _replication;

    public RandomStream(ulong seed, int replication, int entity, int year, Purpose purpose)
    {
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _replication = (uint)replication;
        _entity = (uint)entity;
        _yearPurpose = ((uint)year << 8) | (byte)purpose;
    }

    /// <summary>Uniform on [0,1) with 53 random bits; index selects the draw.</summary>
    public double Uniform(int index)
    {
        var (a, b, _, _) = Philox4x32.Block((uint)index, _entity, _yearPurpose, _replication, _k0, _k1);
        return ToUnit(a, b);
    }

    /// <summary>Two uniforms from one Philox block (the hot path needs two per enterprise-year).</summary>
    public (double, double) UniformPair(int index)
    {
        var (a, b, c, d) = Philox4x32.Block((uint)index, _entity, _yearPurpose, _replication, _k0, _k1);
        return (ToUnit(a, b), ToUnit(c, d));
    }

    /// <summary>The four 32-bit words of draw <paramref name="index"/>: two 53-bit uniforms or four 32-bit ones.</summary>
    public (uint A, uint B, uint C, uint D) Words(int index) =>
        Philox4x32.Block((uint)index, _entity, _yearPurpose, _replication, _k0, _k1);

    /// <summary>Uniform on [0,1) from the 53 bits of two words, as <see cref="Uniform"/> makes it.</summary>
    public static double Unit53(uint hi, uint lo) => ToUnit(hi, lo);

    /// <summary>Uniform on [0,1) from one 32-bit word.</summary>
    public static double Unit32(uint word) => word * (1.0 / 4294967296.0);

    /// <summary>Standard normal by inversion, so one uniform gives one normal.</summary>
    public double Normal(int index)
    {
        double u = Uniform(index);
        if (u <= 0) u = double.Epsilon;
        return MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u);
    }

    /// <summary>Poisson(lambda) by inversion of the CDF from one uniform (lambda below ~700).</summary>
    public int Poisson(int index, double lambda)
    {
        if (lambda <= 0) return 0;
        double u = Uniform(index);
        double p = Math.Exp(-lambda), cdf = p;
        int k = 0;
        while (u > cdf && k < 100_000)
        {
            k++;
            p *= lambda / k;
            cdf += p;
            if (p == 0 && k > lambda) break;
        }
        return k;
    }

    private static double ToUnit(uint hi, uint lo) =>
        ((((ulong)hi << 32) | lo) >> 11) * (1.0 / (1UL << 53));
}
