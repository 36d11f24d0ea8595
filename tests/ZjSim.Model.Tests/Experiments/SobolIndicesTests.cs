using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class SobolIndicesTests
{
    private static readonly string[] Three = ["x1", "x2", "x3"];

    /// <summary>Ishigami and Homma (1990), a = 7, b = 0.1, on [-π, π]^3: the standard test of Sobol' estimators.</summary>
    private static double Ishigami(double[] u)
    {
        double X(int i) => -Math.PI + 2 * Math.PI * u[i];
        return Math.Sin(X(0)) + 7 * Math.Pow(Math.Sin(X(1)), 2) + 0.1 * Math.Pow(X(2), 4) * Math.Sin(X(0));
    }

    [Fact]
    public void Ishigami_analytic_indices_lie_within_the_bootstrap_intervals()
    {
        const double a = 7, b = 0.1;
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
        double v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = 8 * b * b * pi8 / 225;
        double[] s1 = [v1 / v, v2 / v, 0], st = [(v1 + v13) / v, v2 / v, v13 / v];

        var points = SaltelliDesign.Sample(2048, 3);
        var indices = SobolIndices.Analyze(points.Select(Ishigami).ToArray(), Three, resamples: 1000, seed: 7);

        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(s1[i], indices[i].FirstOrder.Lower, indices[i].FirstOrder.Upper);
            Assert.InRange(st[i], indices[i].TotalOrder.Lower, indices[i].TotalOrder.Upper);
        }
        // The intervals are informative, not merely wide: x1 and x2 act alone, x3 only with x1 (its S1 is 0, its ST is not).
        Assert.True(indices[0].FirstOrder.ExcludesZero && indices[1].FirstOrder.ExcludesZero);
        Assert.True(indices[2].TotalOrder.ExcludesZero);
        Assert.True(indices[2].FirstOrder.Upper < indices[2].TotalOrder.Lower);
    }

    [Fact]
    public void A_linear_model_has_its_exact_indices()
    {
        // y = 4 x1 + 2 x2 + x3 + 0 x4 on the unit cube: additive, so S1 = ST = a_i^2 / sum a^2 = 16/21, 4/21, 1/21, 0.
        double[] coefficients = [4, 2, 1, 0];
        var points = SaltelliDesign.Sample(1024, 4);
        var y = points.Select(p => p.Zip(coefficients, (x, c) => x * c).Sum()).ToArray();
        var indices = SobolIndices.Analyze(y, ["x1", "x2", "x3", "x4"], resamples: 1000, seed: 3);

        for (int i = 0; i < 4; i++)
        {
            double exact = coefficients[i] * coefficients[i] / 21;
            Assert.InRange(exact, indices[i].FirstOrder.Lower, indices[i].FirstOrder.Upper);
            Assert.InRange(exact, indices[i].TotalOrder.Lower, indices[i].TotalOrder.Upper);
        }
        // A parameter the model ignores gets exactly zero: f(AB_4) = f(A) in every block.
        Assert.Equal(0, indices[3].FirstOrder.Estimate);
        Assert.Equal(0, indices[3].TotalOrder.Estimate);
        Assert.Equal(0, indices[3].TotalOrder.Upper);
    }

    [Fact]
    public void The_design_lays_out_A_AB_B_blocks()
    {
        var rows = SaltelliDesign.Sample(8, 3);
        Assert.Equal(8 * 5, rows.Length);
        for (int j = 0; j < 8; j++)
        {
            var (a, bRow) = (rows[j * 5], rows[j * 5 + 4]);
            for (int i = 0; i < 3; i++)
            {
                var ab = rows[j * 5 + 1 + i];
                for (int d = 0; d < 3; d++) Assert.Equal(d == i ? bRow[d] : a[d], ab[d]);
            }
        }
    }
}
