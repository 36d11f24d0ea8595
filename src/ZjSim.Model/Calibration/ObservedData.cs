using System.Text.Json;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>config/zhejiang/observed.json: the province's observed series, checked as strictly as parameters.</summary>
public sealed record ObservedData(List<ObservedSeries> Series)
{
    public const string Folder = "zhejiang", FileName = "observed.json";

    public static string PathIn(string configDir) => System.IO.Path.Combine(configDir, Folder, FileName);

    public ObservedSeries this[string name] => Series.First(s => s.Name == name);

    public static ObservedData Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException(path, null, "not found: the observed series are needed by backtest and calibrate");
        var obj = ScenarioLoader.ReadObject(path);
        ObservedData data;
        try
        {
            data = obj.Deserialize<ObservedData>(ConfigJson.Options) ?? throw new ConfigException(path, null, "holds no series");
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, (e.Path ?? "$").TrimStart('$').TrimStart('.'), $"has the wrong type or is missing: {e.Message.Split(". Path:")[0]}");
        }
        var check = new ParameterCheck();
        data.Validate(check);
        if (check.Issues.Count > 0) throw new ConfigException(path, check.Issues[0].Path, check.Issues[0].Message);
        return data;
    }

    private void Validate(ParameterCheck c)
    {
        var names = new HashSet<string>();
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var at = c.At($"series[{i}]");
            if (!names.Add(s.Name)) at.Fail("name", $"repeats the series name '{s.Name}'");
            if (s.Indicator is string ind && !Indicators.TryParse(ind, out _))
                at.Fail("indicator", $"unknown indicator '{ind}' (known: {string.Join(", ", Indicators.Names)})");
            if (s.Points.Count == 0) at.Fail("points", "must list at least one figure");
            if (s.DivideBy is string d && Series.All(x => x.Name != d)) at.Fail("divide_by", $"names no series ('{d}')");
            s.Error?.Validate(at.At("error"));
            for (int k = 0; k < s.Points.Count; k++)
            {
                var p = s.Points[k];
                var pc = at.At($"points[{k}]");
                pc.Range("model_year", p.ModelYear, YearParameters.EarliestHistoricalStart - 4, YearParameters.DataBaseYear);
                if (!(p.Value > 0 && double.IsFinite(p.Value))) pc.Fail("value", $"must be a positive number (got {p.Value})");
                if (string.IsNullOrWhiteSpace(p.Source)) pc.Fail("source", "must name where the figure comes from");
                if (p.Bound is not (null or ObservedPoint.LowerBound)) pc.Fail("bound", $"must be \"{ObservedPoint.LowerBound}\" or absent (got \"{p.Bound}\")");
                p.Error?.Validate(pc.At("error"));
                var error = s.ErrorOf(p);
                // Calibration weighs every fitted point by its error: none may be left without one.
                if (error is null && s.IsSimulated && s.Fit && p.Fit)
                    pc.Fail("error", "is missing: a fitted point needs an error model (give the series or the point an \"error\")");
                // "bound": "lower" and the error kind lower_bound say the same thing twice: they must agree.
                if (error is not null && error.IsLowerBound != p.IsLowerBound)
                {
                    if (p.IsLowerBound)
                        pc.Fail(p.Error is null ? "error" : "error.kind",
                            $"must be of kind \"{ObservationError.LowerBound}\": the point is \"more than\" (bound \"{ObservedPoint.LowerBound}\"), got \"{error.Kind}\"");
                    else
                        pc.Fail("bound", $"must be \"{ObservedPoint.LowerBound}\": the point's error kind is \"{ObservationError.LowerBound}\"");
                }
                if (s.DivideBy is string div && Series.FirstOrDefault(x => x.Name == div) is ObservedSeries divisor
                    && divisor.Points.All(q => q.ModelYear != p.ModelYear))
                    pc.Fail("model_year", $"has no '{div}' figure for {p.ModelYear} to divide by");
            }
        }
    }
}
