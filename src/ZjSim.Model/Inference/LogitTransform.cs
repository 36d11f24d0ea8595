namespace ZjSim.Model.Inference;

/// <summary>
/// The kernel's coordinates: u = logit((x − lower)/(upper − lower)) for a parameter with a bounded prior support
/// (log(x − lower) or log(upper − x) with one bound, x itself with none). With some fifty parameters a normal kernel
/// in the parameters' own units leaves the support in almost every proposal (0.7^50 ≈ 2e−8 stay inside), so ABC-SMC
/// moves particles in u, where every proposal is inside, and takes the Jacobian into the weights: the prior density
/// of u is π(x(u)) · |dx/du|.
/// </summary>
internal sealed class LogitTransform(IReadOnlyList<(double Lower, double Upper)> supports)
{
    /// <summary>How close to a bound a value is taken (a draw exactly at a bound has an infinite logit).</summary>
    private const double Edge = 1e-12;

    public double[] ToKernel(double[] x)
    {
        var u = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            var (a, b) = supports[k];
            u[k] = (double.IsFinite(a), double.IsFinite(b)) switch
            {
                (true, true) => Logit(Math.Clamp((x[k] - a) / (b - a), Edge, 1 - Edge)),
                (true, false) => Math.Log(Math.Max(x[k] - a, Edge)),
                (false, true) => Math.Log(Math.Max(b - x[k], Edge)),
                _ => x[k],
            };
        }
        return u;
    }

    public double[] ToParameters(double[] u)
    {
        var x = new double[u.Length];
        for (int k = 0; k < u.Length; k++)
        {
            var (a, b) = supports[k];
            x[k] = (double.IsFinite(a), double.IsFinite(b)) switch
            {
                (true, true) => a + (b - a) / (1 + Math.Exp(-u[k])),
                (true, false) => a + Math.Exp(u[k]),
                (false, true) => b - Math.Exp(u[k]),
                _ => u[k],
            };
        }
        return x;
    }

    /// <summary>ln |dx/du|, summed over the parameters.</summary>
    public double LogJacobian(double[] u)
    {
        double j = 0;
        for (int k = 0; k < u.Length; k++)
        {
            var (a, b) = supports[k];
            j += (double.IsFinite(a), double.IsFinite(b)) switch
            {
                (true, true) => Math.Log(b - a) - Softplus(-u[k]) - Softplus(u[k]),   // ln((b−a) s (1−s))
                (true, false) or (false, true) => u[k],
                _ => 0,
            };
        }
        return j;
    }

    private static double Logit(double s) => Math.Log(s / (1 - s));

    /// <summary>ln(1 + e^v) without overflow.</summary>
    private static double Softplus(double v) => v > 0 ? v + Math.Log(1 + Math.Exp(-v)) : Math.Log(1 + Math.Exp(v));
}
