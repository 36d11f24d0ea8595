using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class SobolSequenceTests
{
    [Fact]
    public void The_first_points_are_the_published_ones()
    {
        var p = new SobolSequence(3).Points(5);
        Assert.Equal([0, 0, 0], p[0]);
        Assert.Equal([0.5, 0.5, 0.5], p[1]);
        Assert.Equal([0.75, 0.25, 0.25], p[2]);
        Assert.Equal([0.25, 0.75, 0.75], p[3]);
        Assert.Equal([0.375, 0.375, 0.625], p[4]);
    }

    [Fact]
    public void Every_dimension_puts_one_point_in_each_of_2_to_the_m_strata()
    {
        // A (0, m, 1)-net: the first 2^m points fill every interval [k/2^m, (k+1)/2^m) once, in every dimension.
        var seq = new SobolSequence(SobolSequence.MaxDimensions);
        const int m = 10;
        var points = seq.Points(1 << m);
        for (int d = 0; d < seq.Dimensions; d++)
        {
            var strata = points.Select(p => (int)(p[d] * (1 << m))).ToHashSet();
            Assert.Equal(1 << m, strata.Count);
        }
    }

    [Fact]
    public void Every_pair_of_the_first_dimensions_is_a_two_dimensional_net()
    {
        // For the first few dimensions, Joe-Kuo numbers give (0, m, 2)-nets: each 2^a x 2^(m-a) cell holds one point.
        var points = new SobolSequence(3).Points(1 << 8);
        for (int a = 0; a <= 8; a++)
        {
            var cells = points.Select(p => ((int)(p[0] * (1 << a)), (int)(p[1] * (1 << (8 - a))))).ToHashSet();
            Assert.Equal(1 << 8, cells.Count);
        }
    }
}
