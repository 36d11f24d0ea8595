using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>[parity · 64 + band · 8 + level], this thread's: a kernel runs and is tallied on one thread, in one call.</summary>
    private readonly int[] _histogram = RentHistogram();

    [ThreadStatic] private static int[]? t_histogram;

    /// <summary>The thread's histogram, cleared; one per cluster-year was a fifth of a replication's allocations in the silo.</summary>
    private static int[] RentHistogram()
    {
        var histogram = t_histogram ??= new int[128];
        Array.Clear(histogram);
        return histogram;
    }

    /// <summary>End-of-year states by (band · 8 + level); connected, titles held, candidates for next year.</summary>
    public int[] BandLevel
    {
        get
        {
            var sum = new int[64];
            for (int i = 0; i < sum.Length; i++) sum[i] = _histogram[i] + _histogram[64 + i];
            return sum;
        }
    }
    public int Connected { get; private set; }
    public int SmartFactories { get; private set; }
    public int FutureFactories { get; private set; }
    public int SmartCandidates { get; private set; }
    public int FutureCandidates { get; private set; }

    /// <param name="futureDraw">enterprise id → whether its future-factory draw passes (asked only for a candidate).</param>
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
        ref uint a = ref MemoryMarshal.GetReference(words);
        ref uint b = ref Unsafe.Add(ref a, Chunk);
        ref uint c = ref Unsafe.Add(ref a, 2 * Chunk);
        ref uint d = ref Unsafe.Add(ref a, 3 * Chunk);
        // Indexed by a packed state (< States) or its hazard bits (< 512), so no index is out of range.
        ref ulong hazards = ref MemoryMarshal.GetArrayDataReference(_hazards);
        ref ulong tallyWord = ref MemoryMarshal.GetArrayDataReference(_plan.TallyWord);
        // Two histograms, even and odd enterprises: neighbours often share a (band, level), and incrementing one
        // counter twice in a row waits for the first store.
        ref int histogram = ref MemoryMarshal.GetArrayDataReference(_histogram);
        ulong smartThreshold = _smart, connectThreshold = _connect;
        const int SmartCandidateBit = TallyField.SmartCandidate, FutureCandidateBit = TallyField.FutureCandidate;
        for (int start = 0; start < states.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, states.Length - start);
            _lanes.FillWords(firstEntity + start, words[..n], words.Slice(Chunk, n), words.Slice(2 * Chunk, n), words.Slice(3 * Chunk, n), vector);
            ref ushort chunk = ref Unsafe.Add(ref MemoryMarshal.GetReference(states), start);
            ulong tally = 0;   // the chunk's TallyWords summed: n ≤ 512 fits each 12-bit field
            for (int i = 0; i < n; i++)
            {
                int packed = Unsafe.Add(ref chunk, i);
                ulong word = Unsafe.Add(ref tallyWord, packed);
                // The rule's four decisions on the start-of-year state, as 0/1 without branches (each is a coin toss).
                int moves = PhiloxLanes.Bits53(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i)) < Unsafe.Add(ref hazards, packed & PackedEnterprise.HazardMask) ? 1 : 0;   // level 4's hazards are 0
                int smart = (int)(word >> SmartCandidateBit) & (Unsafe.Add(ref c, i) < smartThreshold ? 1 : 0);
                int connects = (~packed >> 8) & ((packed & PackedEnterprise.LevelMask) != 0 ? 1 : 0) & (Unsafe.Add(ref d, i) < connectThreshold ? 1 : 0);
                int next = (packed + moves) | (smart << 9) | (connects << 8);
                if (((word >> FutureCandidateBit) & 1) != 0 && _futureDraw(firstEntity + start + i)) next |= PackedEnterprise.FutureFactory;
                Unsafe.Add(ref chunk, i) = (ushort)next;

                Unsafe.Add(ref histogram, ((i & 1) << 6) | (next & 0x3F))++;
                tally += Unsafe.Add(ref tallyWord, next);
            }
            Connected += (int)((tally >> TallyField.Connected) & TallyField.Mask);
            SmartFactories += (int)((tally >> TallyField.Smart) & TallyField.Mask);
            FutureFactories += (int)((tally >> TallyField.Future) & TallyField.Mask);
            SmartCandidates += (int)((tally >> TallyField.SmartCandidate) & TallyField.Mask);
            FutureCandidates += (int)((tally >> TallyField.FutureCandidate) & TallyField.Mask);
        }
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
        return ToTally(histogram, [], connected, smart, future, smartCandidates, futureCandidates, plan.FirstAboveSizeBand);
    }

    /// <summary>The end-of-year tally; read it before another kernel starts on this thread (the histogram is the thread's).</summary>
    public ClusterTally ToTally() => ToTally(_histogram.AsSpan(0, 64), _histogram.AsSpan(64, 64), Connected, SmartFactories, FutureFactories, SmartCandidates,
        FutureCandidates, _plan.FirstAboveSizeBand);

    /// <param name="odd">A second histogram added to the first, or empty.</param>
    private static ClusterTally ToTally(ReadOnlySpan<int> even, ReadOnlySpan<int> odd, int connected, int smart, int future, int smartCandidates, int futureCandidates,
        int firstAboveBand)
    {
        var counts = new int[2 * Agents.MaturityLevel.Count];
        var bandLevel = new int[ClusterTally.Bands * Agents.MaturityLevel.Count];
        for (int band = 0; band < ClusterTally.Bands; band++)
            for (int level = 0; level < Agents.MaturityLevel.Count; level++)
            {
                int n = even[band * 8 + level] + (odd.IsEmpty ? 0 : odd[band * 8 + level]);
                bandLevel[band * Agents.MaturityLevel.Count + level] = n;
                counts[(band >= firstAboveBand ? 0 : 1) * Agents.MaturityLevel.Count + level] += n;
            }
        return new ClusterTally(counts, bandLevel, connected, smart, future, smartCandidates, futureCandidates);
    }
}
