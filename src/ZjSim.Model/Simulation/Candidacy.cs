using System.Collections.Concurrent;
using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The candidacy tables of <see cref="BatchPlan"/> (82 KB), made once per process for each combination of what
/// <see cref="EnterpriseRules.IsEligible"/> reads of a title (its minimum level and whether it requires the smart-factory
/// title; the investment verdict is a bit of the packed state) and the first above-size band. A run drawing from the
/// posterior has a world per replication, and each made these tables anew (0.3 ms and 82 KB a replication) though
/// no posterior parameter changes them. A test checks them against the rule for titles that differ in every other field.
/// </summary>
internal sealed class Candidacy
{
    private static readonly ConcurrentDictionary<(int, int, bool, int, bool), Candidacy> Made = new();

    public bool[] Smart { get; } = new bool[PackedEnterprise.States];
    public bool[] Future { get; } = new bool[PackedEnterprise.States];
    public ulong[] TallyWord { get; } = new ulong[PackedEnterprise.States];

    public static Candidacy For(int firstAboveSizeBand, TitleParameters smart, TitleParameters future) =>
        Made.GetOrAdd((firstAboveSizeBand, smart.MinLevel, smart.RequiresSmartFactory, future.MinLevel, future.RequiresSmartFactory),
            _ => new Candidacy(firstAboveSizeBand, smart, future));

    private Candidacy(int firstAboveSizeBand, TitleParameters smart, TitleParameters future)
    {
        for (int packed = 0; packed < PackedEnterprise.States; packed++)
        {
            var state = PackedEnterprise.Unpack(packed, firstAboveSizeBand);
            Smart[packed] = EnterpriseRules.IsSmartCandidate(state, smart);
            Future[packed] = EnterpriseRules.IsFutureCandidate(state, future);
            TallyWord[packed] = (ulong)((packed >> 8) & 1) << TallyField.Connected
                | (ulong)((packed >> 9) & 1) << TallyField.Smart
                | (ulong)((packed >> 10) & 1) << TallyField.Future
                | (Smart[packed] ? 1UL : 0) << TallyField.SmartCandidate
                | (Future[packed] ? 1UL : 0) << TallyField.FutureCandidate;
        }
    }
}
