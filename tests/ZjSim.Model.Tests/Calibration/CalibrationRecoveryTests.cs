using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Calibration;

/// <summary>
/// Calibration recovers known parameters: series are simulated with chosen values, then fitted from the
/// prior medians with the same seed and replications (common random numbers, as calibrate uses them), so the
/// known values are an exact minimum (objective 0) and the test measures how near the search gets to it.
/// </summary>
public sealed class CalibrationRecoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-recovery-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const double Scale = 0.05;
    private static readonly CalibrationSettings Settings = new(Replications: 12, Seed: 7, MaxEvaluations: 240);

    [Fact]
    public void Fitting_series_simulated_with_known_parameters_gives_them_back()
    {
        string priors = Path.Combine(_dir, "priors.json");
        File.WriteAllText(priors, """
            { "parameters": {
                "value_added": { "other_growth": { "dist": "uniform", "min": 0.03, "max": 0.15 } },
                "adoption": { "q": [ { "dist": "uniform", "min": 0.0, "max": 0.8 }, 0.20, 0.08, 0.03 ] },
                "cluster_output": { "digital_growth": { "dist": "uniform", "min": 0.0, "max": 0.12 } } } }
            """);
        var fit = CalibratedFile.ReadPriors(priors);
        var scenario = HistoricalStart.Load("baseline", TestConfig.Dir, 2018, 2021, Scale, [priors]);
        double[] truth = [0.06, 0.20, 0.10];   // far from the prior medians 0.09, 0.40, 0.06

        // The "observed" series: the simulated means at the true values, at year ends 2019-2021.
        var truthPoints = new Calibrator(Template(), scenario, fit, Settings).Simulate(truth);
        var observed = new ObservedData(Template().Series.Select(s => s with
        {
            Points = truthPoints.Where(p => p.Series == s.Name).Select(p => p.Point with { Value = p.Simulated }).ToList(),
        }).ToList());

        var result = new Calibrator(observed, scenario, fit, Settings).Run();

        // Tolerances: the objective is flat wherever a change moves no simulated count (an adopter changes only when
        // the rate crosses one of the replications' uniforms), so the search can stop anywhere on the step around the
        // minimum: 0.002 for the two growth rates (value added moves continuously with them), 0.01 for q (some
        // 10,000 simulated SMEs).
        Assert.InRange(result.Values[0], truth[0] - 0.002, truth[0] + 0.002);
        Assert.InRange(result.Values[1], truth[1] - 0.01, truth[1] + 0.01);
        Assert.InRange(result.Values[2], truth[2] - 0.002, truth[2] + 0.002);
        Assert.True(result.Objective < 1e-3 * result.StartObjective, $"objective {result.Objective} from {result.StartObjective}");
    }

    /// <summary>Three series the fitted parameters drive, each observed at the ends of 2019, 2020 and 2021: core industries
    /// (digital growth), the digital economy (other growth, given core industries) and key SMEs' coverage (q).</summary>
    private static ObservedData Template()
    {
        List<ObservedPoint> Years() => [.. new[] { 2019, 2020, 2021 }.Select(y => new ObservedPoint($"{y}", y, 1, "simulated with known parameters"))];
        return new ObservedData([
            new ObservedSeries("digital_economy_value", "billion yuan", "digital_economy_value", Years()),
            new ObservedSeries("coverage_key_sme", "share", "coverage_key_sme", Years()),
            new ObservedSeries("core_industry_value", "billion yuan", "core_industry_value", Years()),
        ]);
    }
}
