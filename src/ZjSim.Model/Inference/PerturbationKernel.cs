using MathNet.Numerics.LinearAlgebra;

namespace ZjSim.Model.Inference;

/// <summary>
/// The multivariate normal kernel that moves a particle to a candidate: covariance c × the population's weighted
/// covariance, plus a tiny ridge so that a parameter that no longer varies still has a proper kernel. ABC-SMC's
/// Metropolis–Hastings moves use c = 2.38²/d, the random-walk scale that is optimal in d dimensions (Roberts, Gelman
/// &amp; Gilks 1997): the importance-sampling factor 2 (Beaumont et al. 2009) proposes moves so far in ~50 dimensions that
/// none lands within the tolerance.
/// </summary>
internal sealed class PerturbationKernel
{
    /// <summary>The ridge's sd as a share of each prior's 90% width: far below any width the data could leave.</summary>
    private const double RidgeShare = 1e-6;

    private readonly double[,] _l;
    private readonly int _d;

    public PerturbationKernel(ParticleSet previous, IReadOnlyList<double> priorScales, double scale)
    {
        _d = previous.Paths.Count;
        var cov = previous.Covariance();
        for (int a = 0; a < _d; a++)
        {
            for (int b = 0; b < _d; b++) cov[a, b] *= scale;
            double ridge = RidgeShare * priorScales[a];
            cov[a, a] += ridge * ridge;
        }
        var factor = Matrix<double>.Build.DenseOfArray(cov).Cholesky().Factor;
        _l = factor.ToArray();
    }

    /// <summary>ancestor + L z: a draw from N(ancestor, Σ) for z standard normal.</summary>
    public double[] Move(double[] ancestor, ReadOnlySpan<double> z)
    {
        var x = (double[])ancestor.Clone();
        for (int a = 0; a < _d; a++)
        {
            double s = 0;
            for (int b = 0; b <= a; b++) s += _l[a, b] * z[b];
            x[a] += s;
        }
        return x;
    }
}
