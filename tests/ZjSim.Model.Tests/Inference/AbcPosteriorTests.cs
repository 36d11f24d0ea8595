using MathNet.Numerics.Distributions;
using ZjSim.Model.Inference;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Inference;

/// <summary>ABC-SMC recovers posteriors that are known in closed form.</summary>
public sealed class AbcPosteriorTests
{
    private const int Particles = 500;
    private const double Epsilon = 0.05;

    /// <summary>
    /// Prior U(−10, 10) on μ, ȳ_obs the mean of n = 20 draws from N(2.7, 1). The exact posterior is N(ȳ_obs, 1/n)
    /// (the prior's bounds lie over 40 posterior sd away). ABC at tolerance ε accepts μ when |ȳ_sim − ȳ_obs| ≤ ε, so its
    /// posterior is that of ȳ_obs − e + u, e ~ N(0, 1/n), u ~ U(−ε, ε): the exact posterior widened to sd
    /// s = √(1/n + ε²/3). With ε = 0.05 (the floor the run stops at) s exceeds σ = √(1/n) = 0.2236 by 0.0019, so
    /// a quantile z σ moves by z (s − σ) (0 for the median; 0.003 for the 5% and 95% points): that is the bias bound.
    /// Monte Carlo error: the weighted q-quantile of ESS particles has sd √(q(1−q)) / (f(x_q) √ESS), f the posterior
    /// density: 1.2533 s / √ESS for the median and 2.11 s / √ESS at q = 0.05 / 0.95. The particles are not independent
    /// (they share ancestors), so the bound allows 4.5 sd: a chance failure below 1e−4 even with that dependence.
    /// </summary>
    [Fact]
    public async Task The_posterior_of_a_normal_mean_matches_the_analytic_one()
    {
        double yObs = NormalMeanSimulator.Observe(2.7);
        var priors = new[] { new UncertainParameter("mu", new UniformDistribution(-10, 10)) };
        var settings = new AbcSettings { Particles = Particles, Seed = 7, MinTolerance = Epsilon, MaxPopulations = 30 };
        var result = await new AbcSmc(priors, settings).RunAsync(new NormalMeanSimulator(yObs));

        Assert.Contains("observation-error floor", result.StopReason);
        Assert.Equal(Epsilon, result.Final.Tolerance);
        Assert.All(result.Final.Distances, d => Assert.True(d <= Epsilon));
        var post = result.Final.Particles;
        double ess = post.EffectiveSampleSize;
        Assert.True(ess > Particles / 4.0, $"ESS {ess}");

        double n = NormalMeanSimulator.N, sigma = Math.Sqrt(1 / n), s = Math.Sqrt(1 / n + Epsilon * Epsilon / 3);
        double z95 = Normal.InvCDF(0, 1, 0.95);
        double medianTol = 4.5 * 1.2533 * s / Math.Sqrt(ess);
        double tailSd = Math.Sqrt(0.05 * 0.95) / (Normal.PDF(0, 1, z95) / s) / Math.Sqrt(ess);
        double tailTol = z95 * (s - sigma) + 4.5 * tailSd;

        Assert.InRange(post.Quantile(0, 0.5), yObs - medianTol, yObs + medianTol);
        Assert.InRange(post.Quantile(0, 0.05), yObs - z95 * sigma - tailTol, yObs - z95 * sigma + tailTol);
        Assert.InRange(post.Quantile(0, 0.95), yObs + z95 * sigma - tailTol, yObs + z95 * sigma + tailTol);
        Assert.Equal(result.Populations.Count - 1, result.Final.Index);
        Assert.True(result.Populations.Zip(result.Populations.Skip(1)).All(p => p.Second.Tolerance <= p.First.Tolerance), "tolerances never rise");
    }

    /// <summary>
    /// μ identified as above, the second parameter (Beta(2, 2), which the simulator ignores) not: its posterior is its
    /// prior. Width ratios: μ's posterior 90% width is 2 · 1.645 · 0.224 = 0.74 against the prior's 18 (0.04: the
    /// bound 0.3 is far); the ignored parameter's 90% quantiles carry a Monte Carlo sd of about
    /// √(0.0475) / (f(q) √ESS) ≈ 0.01 each (f ≈ 0.7 at the beta's 5% and 95% points, ESS > 100), so its ratio is
    /// 1 ± 0.03, and 0.8 is over 6 sd away.
    /// </summary>
    [Fact]
    public async Task A_parameter_the_data_do_not_inform_keeps_its_prior_width()
    {
        double yObs = NormalMeanSimulator.Observe(-1.3);
        var muPrior = new UniformDistribution(-10, 10);
        var nuisancePrior = new BetaDistribution(2, 2, 0, 1);
        var priors = new[] { new UncertainParameter("mu", muPrior), new UncertainParameter("nuisance", nuisancePrior) };
        var settings = new AbcSettings { Particles = 400, Seed = 11, MinTolerance = 0.1, MaxPopulations = 30 };
        var result = await new AbcSmc(priors, settings).RunAsync(new NormalMeanSimulator(yObs));
        var post = result.Final.Particles;
        Assert.True(post.EffectiveSampleSize > 100, $"ESS {post.EffectiveSampleSize}");

        double Ratio(int k, ParameterDistribution prior) =>
            (post.Quantile(k, 0.95) - post.Quantile(k, 0.05)) / (prior.Quantile(0.95) - prior.Quantile(0.05));
        Assert.True(Ratio(0, muPrior) < 0.3, $"mu narrowed to {Ratio(0, muPrior)} of its prior width");
        Assert.True(Ratio(1, nuisancePrior) > 0.8, $"the ignored parameter narrowed to {Ratio(1, nuisancePrior)} of its prior width");
    }
}
