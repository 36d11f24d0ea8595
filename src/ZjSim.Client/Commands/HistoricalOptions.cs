using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>What backtest and calibrate share: a scenario moved back to a start year, and how to simulate it.</summary>
public sealed record HistoricalOptions(
    string Scenario,
    int From,
    int Through,
    int Replications,
    ulong Seed,
    double Scale,
    string? ConfigDirectory)
{
    public const int MaxReplications = 10_000;

    /// <summary>Checks the options before anything is loaded; throws UsageException.</summary>
    public void Check()
    {
        if (Replications < 1) throw new UsageException($"--replications: must be at least 1 (got {Replications})");
        if (Replications > MaxReplications) throw new UsageException($"--replications: at most {MaxReplications} (got {Replications})");
        if (!(Scale > 0 && Scale <= 1)) throw new UsageException($"--scale: must lie in (0, 1] (got {Scale})");
        if (From < YearParameters.EarliestHistoricalStart || From >= YearParameters.DataBaseYear)
            throw new UsageException($"--from: a backtest starts in a year from {YearParameters.EarliestHistoricalStart} to {YearParameters.DataBaseYear - 1} (got {From})");
        if (Through <= From || Through > YearParameters.DataBaseYear)
            throw new UsageException($"--through: must be after --from ({From}) and at most {YearParameters.DataBaseYear}, the last observed year (got {Through})");
    }
}
