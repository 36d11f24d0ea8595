using System.Runtime.CompilerServices;
using ZjSim.Model.Random;

namespace ZjSim.Model.Simulation;

/// <summary>
/// One year of <see cref="Rules.EnterpriseRules.Step"/> for a batch of packed enterprises, tallying the end-of-year
/// states as it goes. Each draw is an integer test: the level move k &lt; T on the 53 bits of words a·b, the smart grant
/// and the brain connection on the 32-bit words c and d, the future grant on block 1's word a (drawn only for a
/// candidate, through a callback). Thresholds are the exact integer forms of the rule's probabilities
/// (<see cref="DrawThreshold"/>), so the verdicts are the rule's.
/// </summary>
internal sealed class StepKernel
{
    private const int Chunk = DrawThreshold.KernelChunk;

    private readonly BatchPlan _plan;
    private readonly PhiloxLanes _lanes;
    private readonly ulong[] _hazards;   // [packed & HazardMask]
    private readonly ulong _smart, _connect;
    private readonly Func<int, bool> _futureDraw;

    /// <summary>End-of-year states by (band · 8 + level); connected, titles held, candidates for next year.</summary>
    public int[] BandLevel { get; } = new int[64];
    public int Connected { get; private set; }
    public int SmartFactories { get; private set; }
    public int FutureFactories { get; private set; }
    public int SmartCandidates { get; private set; }
    public int FutureCandidates { get; private set; }

    /// <param name="futureDraw">enterprise id → whether its future-factory draw passes.</param>
    public StepKernel(BatchPlan plan, PhiloxLanes lanes, ulong[] hazards, ulong smartThreshold32, ulong connectThreshold32, Func<int, bool> futureDraw)
    {
        _plan = plan;
        _lanes = lanes;
        _hazards = hazards;
        _smart = smartThreshold32;
        _connect = connectThreshold32;
        _futureDraw = futureDraw;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a loop run millions of times: skip the unoptimised first tier
    public void Run(Span<ushort> states, int firstEntity, bool vector)
    {
        var words = DrawWords.Rent();
        Span<uint> a = words[..Chunk], b = words.Slice(Chunk, Chunk), c = words.Slice(2 * Chunk, Chunk), d = words.Slice(3 * Chunk, Chunk);
        var hazards = _hazards;
        var smartCandidate = _plan.SmartCandidate;
        var futureCandidate = _plan.FutureCandidate;
        var histogram = BandLevel;
        int connected = 0, smart = 0, future = 0, smartCandidates = 0, futureCandidates = 0;
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            _lanes.FillWords(firstEntity + start, a[..n], b[..n], c[..n], d[..n], vector);
            var chunk = states.Slice(start, n);
            for (int i = 0; i < chunk.Length; i++)
            {
                int packed = chunk[i];
                int next = packed;
                if (PhiloxLanes.Bits53(a[i], b[i]) < hazards[packed & PackedEnterprise.HazardMask]) next++;   // level 4's hazards are 0
                if (smartCandidate[packed] && c[i] < _smart) next |= PackedEnterprise.SmartFactory;
                if ((packed & PackedEnterprise.Connected) == 0 && (packed & PackedEnterprise.LevelMask) != 0 && d[i] < _connect)
                    next |= PackedEnterprise.Connected;
                if (futureCandidate[packed] && _futureDraw(firstEntity + start + i)) next |= PackedEnterprise.FutureFactory;
                chunk[i] = (ushort)next;

                histogram[next & 0x3F]++;
                connected += (next >> 8) & 1;
                smart += (next >> 9) & 1;
                future += (next >> 10) & 1;
                smartCandidates += smartCandidate[next] ? 1 : 0;
                futureCandidates += futureCandidate[next] ? 1 : 0;
            }
        }
        Connected += connected;
        SmartFactories += smart;
        FutureFactories += future;
        SmartCandidates += smartCandidates;
        FutureCandidates += futureCandidates;
    }

    /// <summary>A tally of packed states, as the kernel keeps it (the base year's).</summary>
    public static ClusterTally Tally(ReadOnlySpan<ushort> states, BatchPlan plan)
    {
        var histogram = new int[64];
        int connected = 0, smart = 0, future = 0, smartCandidates = 0, futureCandidates = 0;
        foreach (int packed in states)
        {
            histogram[packed & 0x3F]++;
            connected += (packed >> 8) & 1;
            smart += (packed >> 9) & 1;
            future += (packed >> 10) & 1;
            smartCandidates += plan.SmartCandidate[packed] ? 1 : 0;
            futureCandidates += plan.FutureCandidate[packed] ? 1 : 0;
        }
        return ToTally(histogram, connected, smart, future, smartCandidates, futureCandidates, plan.FirstAboveSizeBand);
    }

    public ClusterTally ToTally() => ToTally(BandLevel, Connected, SmartFactories, FutureFactories, SmartCandidates, FutureCandidates, _plan.FirstAboveSizeBand);

    private static ClusterTally ToTally(int[] histogram, int connected, int smart, int future, int smartCandidates, int futureCandidates, int firstAboveBand)
    {
        var counts = new int[2 * Agents.MaturityLevel.Count];
        var bandLevel = new int[ClusterTally.Bands * Agents.MaturityLevel.Count];
        for (int band = 0; band < ClusterTally.Bands; band++)
            for (int level = 0; level < Agents.MaturityLevel.Count; level++)
            {
                int n = histogram[band * 8 + level];
                bandLevel[band * Agents.MaturityLevel.Count + level] = n;
                counts[(band >= firstAboveBand ? 0 : 1) * Agents.MaturityLevel.Count + level] += n;
            }
        return new ClusterTally(counts, bandLevel, connected, smart, future, smartCandidates, futureCandidates);
    }
}
