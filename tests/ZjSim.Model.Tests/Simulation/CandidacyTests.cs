using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>The shared candidacy tables are the rule's verdicts for every title that shares their key.</summary>
public sealed class CandidacyTests
{
    private static TitleParameters Title(int minLevel, bool requiresSmart, double minInvestment, double rate, double initial) =>
        new(minLevel, minInvestment, requiresSmart, new Dictionary<string, double> { ["2024"] = rate * 100 }, rate, initial);

    [Theory]
    [InlineData(2, false, 3, true)]
    [InlineData(3, false, 4, true)]
    [InlineData(1, true, 2, false)]
    public void Titles_that_differ_outside_the_key_get_the_rules_verdicts(int smartLevel, bool smartRequires, int futureLevel, bool futureRequires)
    {
        const int firstAboveBand = 3;
        // Two pairs of titles with the same key and every other field different: the second gets the first's tables.
        var first = Candidacy.For(firstAboveBand, Title(smartLevel, smartRequires, 5, 0.3, 100), Title(futureLevel, futureRequires, 50, 0.1, 10));
        var (smart, future) = (Title(smartLevel, smartRequires, 800, 0.9, 5), Title(futureLevel, futureRequires, 2, 0.7, 400));
        var second = Candidacy.For(firstAboveBand, smart, future);
        Assert.Same(first, second);
        for (int packed = 0; packed < PackedEnterprise.States; packed++)
        {
            var state = PackedEnterprise.Unpack(packed, firstAboveBand);
            Assert.Equal(EnterpriseRules.IsSmartCandidate(state, smart), second.Smart[packed]);
            Assert.Equal(EnterpriseRules.IsFutureCandidate(state, future), second.Future[packed]);
        }
    }

    [Fact]
    public void A_different_minimum_level_gets_its_own_tables()
    {
        var two = Candidacy.For(3, Title(2, false, 5, 0.3, 100), Title(3, true, 50, 0.1, 10));
        var three = Candidacy.For(3, Title(3, false, 5, 0.3, 100), Title(3, true, 50, 0.1, 10));
        Assert.NotSame(two, three);
        Assert.NotEqual(two.Smart, three.Smart);
    }
}
