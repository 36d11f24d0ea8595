using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Calibration;

public sealed class HistoricalStartTests
{
    [Fact]
    public void A_backtest_starts_from_the_start_files_state_with_the_scenarios_rates()
    {
        var forward = ScenarioLoader.Load("policy-push", TestConfig.Dir);
        var s = HistoricalStart.Load("policy-push", TestConfig.Dir, 2018, 2021, 0.01);
        Assert.Equal((2018, 2021), (s.Parameters.Years.BaseYear, s.Parameters.Years.EndYear));
        Assert.Equal(2330, s.Parameters.ValueAdded.DigitalEconomyInitial);            // SOURCE, 2018
        Assert.Equal(5800.3, s.Parameters.ValueAdded.GdpInitial);                      // SOURCE, 2018
        Assert.Equal(forward.Parameters.Government.Campaigns, s.Parameters.Government.Campaigns);   // the scenario's campaigns stay (they start in 2022)
        Assert.All(s.Parameters.Government.Campaigns, c => Assert.True(c.Start > s.Parameters.Years.EndYear));
        Assert.Equal(forward.Parameters.ValueAdded.OtherGrowth, s.Parameters.ValueAdded.OtherGrowth);   // rates stay
        Assert.Equal(forward.Parameters.Adoption.Q, s.Parameters.Adoption.Q);
        Assert.Equal(["2019", "2020", "2021"], s.Parameters.Brains.Plan.Keys.Order());  // the 2022-2027 plan does not apply to the past
        Assert.Equal((12.0, 20.0), (s.Parameters.FutureFactory.BatchIn(2020), s.Parameters.FutureFactory.BatchIn(2021)));   // the record's batches
        // The start file's uncertain 2018 state: at the posterior's median (the posterior was fitted from this start),
        // inside the start file's own range; drawn from that range when the run takes the priors.
        Assert.InRange(s.Parameters.ValueAdded.CoreIndustryInitial, 528, 577);
        var prior = HistoricalStart.Load("policy-push", TestConfig.Dir, 2018, 2021, 0.01, parameters: ParameterSource.Prior);
        Assert.Contains(prior.Uncertainty.Parameters, p => p.Path == "value_added.core_industry_initial");
    }

    [Fact]
    public void Through_a_year_drops_the_plan_after_it()
    {
        var s = HistoricalStart.Load("baseline", TestConfig.Dir, 2018, 2020, 0.01);
        Assert.Equal(2020, s.Parameters.Years.EndYear);
        Assert.Equal(["2019", "2020"], s.Parameters.Brains.Plan.Keys.Order());
    }

    [Fact]
    public void A_year_without_a_start_file_is_refused_with_the_years_that_have_one()
    {
        var e = Assert.Throws<ConfigException>(() => HistoricalStart.Load("baseline", TestConfig.Dir, 2016, 2021, 0.01));
        Assert.Contains("no initial conditions for 2016", e.Message);
        Assert.Contains("2018", e.Message);
    }

    [Fact]
    public void Only_backtest_and_calibrate_accept_a_base_year_before_2021()
    {
        string dir = Directory.CreateTempSubdirectory("zjsim-start-").FullName;
        try
        {
            string path = Path.Combine(dir, "early.json");
            File.WriteAllText(path, """{ "parameters": { "years": { "base_year": 2018 } } }""");
            var e = Assert.Throws<ConfigException>(() => ScenarioLoader.Load(path, TestConfig.Dir));
            Assert.Equal("years.base_year", e.Field);
            Assert.Contains("backtest and calibrate only", e.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_backtest_is_the_same_whatever_the_threads_do()
    {
        var s = HistoricalStart.Load("baseline", TestConfig.Dir, 2018, 2021, 0.01);
        var a = HistoricalRunner.Run(s, 3, 6);
        var b = HistoricalRunner.Run(s, 3, 6);
        for (int r = 0; r < 6; r++)
        {
            Assert.Equal(a[r].Values, b[r].Values);
            var alone = ZjSim.Model.Simulation.ReplicationRunner.Run(new ZjSim.Model.World.WorldLayout(s.Uncertainty.ForReplication(s.Parameters, 3, r)), 3, r);
            Assert.Equal(alone.Values, a[r].Values);
        }
        var rows = Backtest.Rows(ObservedData.Load(ObservedData.PathIn(TestConfig.Dir)), s, a);
        var de2018 = rows.Single(r => r.Series == "digital_economy_value" && r.ModelYear == 2018);
        Assert.Equal(2330, de2018.Median);
        Assert.True(de2018.IsStart);
        Assert.Contains(rows, r => r.Series == "smart_factories" && r.Date == "Aug 2020" && !r.InFit);
        Assert.All(rows, r => Assert.True(r.Low <= r.Median && r.Median <= r.High));
    }
}
