using ZjSim.Model.Inference;

namespace ZjSim.Model.Tests.Inference;

/// <summary>Bit-for-bit comparison of populations (all but their wall time).</summary>
internal static class AbcAssert
{
    public static void Identical(AbcPopulation expected, AbcPopulation actual)
    {
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(Bits(expected.Tolerance), Bits(actual.Tolerance));
        Assert.Equal(expected.Simulations, actual.Simulations);
        Assert.Equal(expected.PopulationSimulations, actual.PopulationSimulations);
        Assert.Equal(Bits(expected.AcceptanceRate), Bits(actual.AcceptanceRate));
        Assert.Equal(expected.Particles.Paths, actual.Particles.Paths);
        Assert.Equal(expected.Particles.Weights.Select(Bits), actual.Particles.Weights.Select(Bits));
        Assert.Equal(expected.Distances.Select(Bits), actual.Distances.Select(Bits));
        Assert.Equal(expected.Particles.Values.SelectMany(v => v).Select(Bits), actual.Particles.Values.SelectMany(v => v).Select(Bits));
    }

    public static void Identical(IReadOnlyList<AbcPopulation> expected, IReadOnlyList<AbcPopulation> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Identical(expected[i], actual[i]);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
