using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Client.Commands;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Tests.Commands;

/// <summary>`zjsim validate --through YEAR` end to end at a tiny scale, and its refusals.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task Validate_fits_up_to_the_year_and_scores_only_the_later_observations()
    {
        string config = CliHarness.CopyConfig(_cli.Path("config"));
        _cli.Config = config;
        var before = Directory.GetFiles(config, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        string outDir = _cli.Path("validation");
        var r = await _cli.Run("validate", "--through", "2019", "--scale", "0.02", "--particles", "40", "--max-populations", "2",
            "--replications", "12", "--seed", "5", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error + r.Out);

        // The held-out points are the fitted ones after 2019; the table and the CSV list those and nothing else.
        var heldOut = CalibrationProblem.Load("baseline", config, 2018, 2021, 0.02, fitThrough: 2019).Distance.HeldOut;
        Assert.NotEmpty(heldOut);
        Assert.All(heldOut, t => Assert.True(t.Point.ModelYear > 2019));
        string text = Flat(r.Out);
        Assert.Contains("Held-out observations (after 2019)", text);
        string table = r.Out.Split("Held-out observations")[1];
        foreach (var t in heldOut)
            Assert.Matches($@"{Regex.Escape(t.Series.Name)} \(.*\)\s*\n(.*\n)*?\s*{Regex.Escape(t.Point.AsOf)}\s+(> )?[\d,.]+%?\s+[\d,.]+%?\s+[\d,.]+%?–[\d,.]+%?\s+(yes|NO)/(yes|NO)\s+\d+\.\d+", table);
        var dates = Regex.Matches(table, @"\n  (\S.*?)\s{2,}(> )?[\d,.]+%?\s+[\d,.]+%?\s+[\d,.]+%?–").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(heldOut.Select(t => t.Point.AsOf), dates);   // only the held-out points, none up to 2019

        var lines = File.ReadAllLines(Path.Combine(outDir, ValidateCommand.CsvName));
        Assert.Equal(string.Join(',', ValidateCommand.CsvColumns), lines[0]);
        Assert.Equal(heldOut.Count, lines.Length - 1);
        var col = ValidateCommand.CsvColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        foreach (var (line, target) in lines.Skip(1).Zip(heldOut))
        {
            var f = line.Split(',');
            double D(string c) => double.Parse(f[col[c]], CultureInfo.InvariantCulture);
            Assert.Equal(target.Series.Name, f[col["series"]]);
            Assert.True(D("model_year") > 2019);
            Assert.Equal(target.Point.Value, D("observed"));
            Assert.True(D("low90") <= D("low50") && D("low50") <= D("median") && D("median") <= D("high50") && D("high50") <= D("high90"), line);
            bool lower = f[col["bound"]] == "lower";
            Assert.Equal(target.IsLowerBound, lower);
            bool inside90 = lower ? D("high90") >= D("observed") : D("low90") <= D("observed") && D("observed") <= D("high90");
            bool inside50 = lower ? D("high50") >= D("observed") : D("low50") <= D("observed") && D("observed") <= D("high50");
            Assert.Equal(inside90, bool.Parse(f[col["inside90"]]));
            Assert.Equal(inside50, bool.Parse(f[col["inside50"]]));
            Assert.True(D("crps") >= 0);
            Assert.Equal(D("crps") / Math.Abs(D("observed")), D("crps_relative"), 12);
            Assert.Equal(12, int.Parse(f[col["replications"]], CultureInfo.InvariantCulture));
        }

        // Coverage rates in [0, 1] that count the CSV's verdicts, with Wilson intervals around them.
        foreach (var (level, column) in new[] { (50, "inside50"), (90, "inside90") })
        {
            var m = Regex.Match(text, $@"{level}% band coverage: (\d+) of (\d+) held-out observations inside = (\d+)% \(Wilson 95% (\d+)%-(\d+)%");
            Assert.True(m.Success, text);
            int k = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(lines.Skip(1).Count(l => l.Split(',')[col[column]] == "true"), k);
            Assert.Equal(heldOut.Count, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            var (rate, low, high) = (int.Parse(m.Groups[3].Value), int.Parse(m.Groups[4].Value), int.Parse(m.Groups[5].Value));
            Assert.InRange(rate, 0, 100);
            Assert.True(low <= rate && rate <= high && high <= 100, m.Value);
        }

        // The validation posterior is the fit through 2019, in the folder; config/ is untouched and no staging is left.
        var provenance = PosteriorFile.ReadProvenance(Path.Combine(outDir, PosteriorFile.JsonName))!;
        Assert.Equal(2019, (int)provenance["fit_through"]!);
        Assert.True(File.Exists(Path.Combine(outDir, PosteriorFile.CsvName)));
        Assert.True(File.Exists(Path.Combine(outDir, CalibratedFile.FileName)));
        Assert.False(File.Exists(Path.Combine(outDir, "checkpoint.json")));
        var after = Directory.GetFiles(config, "*", SearchOption.AllDirectories);
        Assert.Equal(before.Keys.Order(), after.Order());
        Assert.All(after, f => Assert.Equal(before[f], File.ReadAllText(f)));
        Assert.Equal([outDir, Path.Combine(_cli.Temp, "config")], Directory.GetDirectories(_cli.Temp).Order().Reverse());
    }

    [Theory]
    [InlineData("2021", "--through: the last fitted year must lie after --from (2018) and before 2021")]
    [InlineData("2017", "--through: the last fitted year must lie after --from (2018) and before 2021")]
    [InlineData("2018", "--through: the last fitted year must lie after --from (2018) and before 2021")]
    public async Task A_through_year_that_holds_nothing_out_is_one_message_exit_code_2_and_nothing_written(string through, string message)
    {
        string outDir = _cli.Path("v");
        var r = await _cli.Run("validate", "--through", through, "--scale", "0.02", "--particles", "20", "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Contains($"(got {through})", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Temp));
    }

    [Theory]
    [InlineData("--particles", "1", "--particles")]
    [InlineData("--scale", "0", "--scale: must lie in (0, 1]")]
    [InlineData("--from", "2016", "no initial conditions for 2016")]
    public async Task Other_bad_options_are_one_message_and_nothing_written(string option, string value, string message)
    {
        var r = await _cli.Run("validate", option, value, "--out", _cli.Path("v"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("zjsim validate: ", r.Error);
        Assert.Contains(message, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Empty(Directory.GetFileSystemEntries(_cli.Temp));
    }
}
