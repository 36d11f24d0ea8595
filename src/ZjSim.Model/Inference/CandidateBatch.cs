using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Inference;

/// <summary>
/// A batch of calibration candidates as one run: the scenario with the candidates as an indexed joint sample
/// (replication j simulates candidate j) and a seed of its own, derived from the calibration's seed and the batch's
/// first simulation number, so every simulation has its own streams and the same batch always simulates the same.
/// The grains and the in-thread runner take batches in this one form, so they give the same distances.
/// </summary>
public static class CandidateBatch
{
    /// <summary>SplitMix64 of the seed and the batch's first simulation: batches never share streams.</summary>
    public static ulong Seed(ulong seed, long firstSimulation)
    {
        ulong z = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(firstSimulation + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static Scenario ScenarioFor(Scenario prior, IReadOnlyList<string> paths, IReadOnlyList<double[]> candidates)
    {
        // The rows' own hash names the batch: the scenario hash (and so every silo's cache of worlds) takes the joint
        // sample by its hash, and two batches of the same size must never share one.
        var joint = new JointSample(new ParticleSet(paths, candidates.ToArray()), JointSelection.Indexed, "calibration candidates", RowsHash(candidates));
        // A new record, not `prior with { ... }`: a record copy keeps the canonical JSON computed for the prior.
        return new Scenario(prior.Name, prior.Description, prior.SourcePath, prior.Parameters,
            new ParameterUncertainty(prior.Uncertainty.Without(paths).Parameters, joint));
    }

    public static string RowsHash(IReadOnlyList<double[]> rows)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        foreach (var row in rows)
            foreach (double v in row)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer, BitConverter.DoubleToInt64Bits(v));
                sha.AppendData(buffer);
            }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Whether a candidate's parameters pass the model's validation. Each prior's support was checked with the others
    /// at their medians; a combination can still break a rule that ties parameters together, and such a candidate
    /// is not simulated (it counts as infinitely far from the record).
    /// </summary>
    public static bool IsValid(Scenario prior, IReadOnlyList<string> paths, double[] candidate)
    {
        var parameters = ParameterUncertainty.Apply(prior.Parameters, paths, candidate);
        var check = new ParameterCheck(historicalStart: true);
        parameters.Validate(check);
        return check.Issues.Count == 0;
    }
}
