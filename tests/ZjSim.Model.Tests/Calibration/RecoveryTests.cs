using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Uncertainty;
using Xunit.Abstractions;

namespace ZjSim.Model.Tests.Calibration;

/// <summary>
/// The calibration recovers known parameters: a synthetic record simulated at θ* drawn from the prior (fixed seed),
/// calibrated with the in-thread simulator; every parameter the record identifies must have θ* inside its 90% interval.
/// </summary>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    private const double Scale = 0.01;
    /// <summary>A parameter counts as identified when its posterior 90% width is below this share of the prior's.</summary>
    private const double Identified = 0.6;

    /// <summary>
    /// Fixed seeds: with exact 90% intervals each identified parameter would miss θ* one time in ten, so this is a
    /// check of one known record (`zjsim sbc` measures the miss rate over many). The parameters calibrated; the other ~50 are held at θ*. With all 59 free, a CI-sized run (a few thousand
    /// simulations) stops at a tolerance near 2.5 where the record narrows nothing below 0.6 of its prior; with these
    /// free it reaches the tolerances where the level series (GDP, core industries, enterprise counts, the cloud) pin
    /// them down. They are the growth rates of the three value series the record observes most often (GDP, the digital
    /// economy, core industries) and core industries' unobserved 2018 level, chosen for what they drive: with eight
    /// free (the enterprise counts, q[0] and the 2018 smart factories too) a CI-sized run narrowed none below 0.6.
    /// </summary>
    private static readonly string[] Free =
    [
        "value_added.gdp_growth", "value_added.other_growth", "value_added.core_industry_initial", "cluster_output.digital_growth",
    ];

    /// <summary>`zjsim calibrate`'s own alpha, moves and acceptance floor; N and the populations cut to CI size.</summary>
    private static readonly AbcSettings Settings = new() { Particles = 150, Seed = 11, Alpha = 0.7, MovesPerPopulation = 3, MaxMovesPerPopulation = 12, MinAcceptance = 0.015, MaxPopulations = 6 };

    /// <summary>The problem with only <see cref="Free"/> uncertain, every other parameter fixed at θ*.</summary>
    private static CalibrationProblem Restricted(CalibrationProblem problem, double[] truth)
    {
        var fixedPaths = problem.Paths.Where(p => !Free.Contains(p)).ToList();
        var fixedValues = fixedPaths.Select(p => truth[problem.Paths.ToList().IndexOf(p)]).ToList();
        var scenario = problem.Scenario with
        {
            Parameters = ParameterUncertainty.Apply(problem.Scenario.Parameters, fixedPaths, fixedValues),
            Uncertain = new ParameterUncertainty(problem.Scenario.Uncertainty.Without(fixedPaths).Parameters, problem.Scenario.Uncertainty.Joint),
        };
        return problem with { Scenario = scenario, Priors = problem.Priors.Where(p => Free.Contains(p.Path)).ToList() };
    }

    [Fact]
    public async Task Known_parameters_lie_inside_the_posterior_90_percent_interval_where_the_record_identifies_them()
    {
        var full = CalibrationProblem.Load("baseline", TestConfig.Dir, 2018, 2021, Scale);
        Assert.All(Free, p => Assert.Contains(p, full.Paths));
        // The first record whose free parameters all lie inside their priors' central 90%: recovery against a bound
        // of the prior is another question (a logit kernel thins the particles there), which `zjsim sbc` covers.
        var sbc = new SimulationBasedCalibration(full, Settings);
        var freeIndex = Free.Select(p => full.Paths.ToList().IndexOf(p)).ToArray();
        bool Central(double[] t) => freeIndex.All(i => t[i] > full.Priors[i].Distribution.Draw(0.05) && t[i] < full.Priors[i].Distribution.Draw(0.95));
        var (truth, record, _) = Enumerable.Range(0, 50).Select(sbc.SyntheticRecordOf).First(r => Central(r.Item1));
        var problem = Restricted(full, truth).WithData(record);
        var trueFree = problem.Paths.Select(p => truth[full.Paths.ToList().IndexOf(p)]).ToArray();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await new AbcSmc(problem.Priors, Settings).RunAsync(new InThreadSimulator(problem, Settings.Seed));
        var post = result.Final.Particles;
        var identified = new List<string>();
        var misses = new List<string>();
        for (int k = 0; k < trueFree.Length; k++)
        {
            var prior = problem.Priors[k].Distribution;
            double low = post.Quantile(k, 0.05), high = post.Quantile(k, 0.95);
            double ratio = (high - low) / (prior.Draw(0.95) - prior.Draw(0.05));
            output.WriteLine($"{problem.Paths[k],-40} truth {trueFree[k],10:G4} posterior [{low:G4}, {high:G4}] narrowing {ratio:0.00}");
            if (ratio >= Identified) continue;
            identified.Add(problem.Paths[k]);
            if (trueFree[k] < low || trueFree[k] > high)
                misses.Add($"{problem.Paths[k]}: the true {trueFree[k]:G6} lies outside the posterior 90% interval [{low:G6}, {high:G6}] (narrowing {ratio:0.00})");
        }
        output.WriteLine($"{post.Distinct} distinct particles; {result.Populations.Count} populations, tolerance {result.Final.Tolerance:G4}, {result.SimulationsRun} simulations, {clock.Elapsed.TotalSeconds:0.0} s; identified: {string.Join(", ", identified)}");
        Assert.NotEmpty(identified);
        Assert.True(misses.Count == 0, string.Join("; ", misses));
    }
}
