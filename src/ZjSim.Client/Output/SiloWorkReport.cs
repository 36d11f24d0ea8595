using Spectre.Console;
using ZjSim.GrainInterfaces;

namespace ZjSim.Client.Output;

/// <summary>
/// How the work spread over a cluster: the enterprise-years that cluster grains simulated on each silo, over
/// the replications kept (a replication redone after a silo died counts where it finally ran).
/// </summary>
public static class SiloWorkReport
{
    public static void Print(IAnsiConsole console, IReadOnlyCollection<ReplicationOutcome> outcomes)
    {
        var bySilo = BySilo(outcomes);
        long total = bySilo.Sum(x => x.EnterpriseYears);
        var table = new Table().Border(TableBorder.Simple).Title("Work by silo")
            .AddColumn("silo").AddColumn(new TableColumn("enterprise-years").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var (silo, years) in bySilo)
            table.AddRow(Markup.Escape(silo), years.ToString("N0"), total > 0 ? $"{(double)years / total:P0}" : "–");
        console.Write(table);
    }

    /// <summary>Enterprise-years by silo endpoint, ordered by endpoint.</summary>
    public static IReadOnlyList<(string Silo, long EnterpriseYears)> BySilo(IEnumerable<ReplicationOutcome> outcomes) =>
        outcomes.SelectMany(o => o.WorkBySilo ?? [])
            .GroupBy(kv => kv.Key, kv => kv.Value)
            .Select(g => (g.Key, g.Sum()))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
}
