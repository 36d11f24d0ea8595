using ZjSim.Model.Inference;
using ZjSim.Model.Random;

namespace ZjSim.Model.Tests.Inference;

/// <summary>
/// The textbook ABC problem: data are n draws from N(μ, 1), the summary is their mean, the distance |ȳ_sim − ȳ_obs|.
/// μ is parameter <see cref="Identified"/> of the candidate; any other parameter is ignored. Simulation s draws its
/// n values from the stream keyed by s, as the model's replications do, so a simulation is reproducible.
/// </summary>
internal sealed class NormalMeanSimulator(double observedMean, int n = NormalMeanSimulator.N, int identified = 0) : IAbcSimulator
{
    public const int N = 20;
    private const ulong SimulationSeed = 4242;

    public int Identified => identified;
    public long Calls;
    public long Simulations;

    /// <summary>The highest simulation number asked for (−1 before any).</summary>
    public long HighestSimulation = -1;

    /// <summary>The observed mean of n draws from N(μ, 1) with the draws from a fixed stream (not any simulation's).</summary>
    public static double Observe(double mu, int n = N)
    {
        var stream = new RandomStream(99, 0, 1, 0, Purpose.Science);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += mu + stream.Normal(i);
        return sum / n;
    }

    public Task<double[]> DistancesAsync(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        Interlocked.Add(ref Simulations, candidates.Count);
        lock (this) HighestSimulation = Math.Max(HighestSimulation, firstSimulation + candidates.Count - 1);
        var d = new double[candidates.Count];
        for (int j = 0; j < d.Length; j++)
        {
            var stream = new RandomStream(SimulationSeed, checked((int)(firstSimulation + j)), 0, 0, Purpose.Science);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += candidates[j][identified] + stream.Normal(i);
            d[j] = Math.Abs(sum / n - observedMean);
        }
        return Task.FromResult(d);
    }
}
