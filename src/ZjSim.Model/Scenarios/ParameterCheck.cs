namespace ZjSim.Model.Scenarios;

/// <summary>A problem found in a configuration value, with the dotted key that holds it.</summary>
public sealed record ConfigIssue(string Path, string Message);

/// <summary>Collects validation problems under a key prefix, so every message names its field.</summary>
public sealed class ParameterCheck
{
    private readonly string _prefix;
    public List<ConfigIssue> Issues { get; }
    /// <summary>Backtest and calibration only: the world may start in a year before the base year of the data.</summary>
    public bool HistoricalStart { get; }

    public ParameterCheck(bool historicalStart = false) : this("", [], historicalStart) { }
    private ParameterCheck(string prefix, List<ConfigIssue> issues, bool historicalStart)
    {
        _prefix = prefix;
        Issues = issues;
        HistoricalStart = historicalStart;
    }

    public ParameterCheck At(string key) => new(Join(key), Issues, HistoricalStart);

    public void Fail(string key, string message) => Issues.Add(new ConfigIssue(Join(key), message));

    public void Probability(string key, double value)
    {
        if (!(value >= 0 && value <= 1)) Fail(key, $"is a probability and must lie in [0, 1] (got {value})");
    }

    public void Range(string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            Fail(key, value < 0 && min >= 0 ? $"must not be negative (got {value})" : $"must lie in [{min}, {max}] (got {value})");
    }

    private string Join(string key) => _prefix.Length == 0 ? key : key.StartsWith('[') ? _prefix + key : _prefix + "." + key;
}
