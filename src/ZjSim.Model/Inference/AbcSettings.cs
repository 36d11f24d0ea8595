namespace ZjSim.Model.Inference;

/// <summary>
/// How an ABC-SMC calibration runs and when it stops. Distances are the RMS of residuals standardised by each
/// observation's error sd, so a tolerance of 1 means "within the observation error": the default floor.
/// </summary>
public sealed record AbcSettings
{
    /// <summary>Accepted particles per population (N).</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>The key of every random stream the engine draws from; the run is a pure function of it and the simulator.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Each population's tolerance is this quantile of the previous population's accepted distances.</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>The tolerance floor: a population's tolerance is never set below it, and the run stops once it is reached.</summary>
    public double MinTolerance { get; init; } = 1.0;

    /// <summary>Stop after a population whose moves were accepted less often than this: the particles barely move any more.</summary>
    public double MinAcceptance { get; init; } = 0.02;

    /// <summary>Populations in all, population 0 (the prior) included.</summary>
    public int MaxPopulations { get; init; } = 15;

    /// <summary>
    /// The simulation budget; when a population cannot complete within it, the last complete one is the result.
    /// It bounds the simulation numbers (candidates consumed, which do not depend on the batch size); the calls may
    /// run up to BatchSize − 1 more per population, the surplus of a population's last batch.
    /// </summary>
    public long MaxSimulations { get; init; } = long.MaxValue;

    /// <summary>The fewest Metropolis–Hastings moves of every particle per population (each costs N simulations).</summary>
    public int MovesPerPopulation { get; init; } = DefaultMoves;

    public const int DefaultMoves = 2;

    /// <summary>The most moves a population's acceptance rate may call for (each costs N simulations).</summary>
    public int MaxMovesPerPopulation { get; init; } = DefaultMoves;

    /// <summary>Candidates handed to the simulator per call; null means one population's worth (N).</summary>
    public int? BatchSize { get; init; }

    public int EffectiveBatchSize => BatchSize ?? Particles;

    /// <summary>Throws ArgumentException naming the setting that cannot work.</summary>
    public void Validate()
    {
        if (Particles < 2) throw new ArgumentException($"particles: {Particles}; a population needs at least 2");
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentException($"alpha: {Alpha}; the tolerance quantile must lie in (0, 1)");
        if (!(MinTolerance >= 0) || double.IsPositiveInfinity(MinTolerance)) throw new ArgumentException($"min tolerance: {MinTolerance}; must be finite and not negative");
        if (!(MinAcceptance >= 0 && MinAcceptance < 1)) throw new ArgumentException($"min acceptance: {MinAcceptance}; must lie in [0, 1)");
        if (MaxPopulations < 1) throw new ArgumentException($"max populations: {MaxPopulations}; at least the prior population is needed");
        if (MaxSimulations < Particles) throw new ArgumentException($"max simulations: {MaxSimulations}; fewer than the {Particles} the prior population needs");
        if (MovesPerPopulation < 1) throw new ArgumentException($"moves per population: {MovesPerPopulation}; at least 1");
        if (EffectiveBatchSize < 1) throw new ArgumentException($"batch size: {EffectiveBatchSize}; must be at least 1");
    }
}
