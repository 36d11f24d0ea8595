using ZjSim.Client.Output;
using ZjSim.Client.Output.Charts;

namespace ZjSim.Client.Comparison;

/// <summary>
/// The charts of a compare under DIR/charts, as PNG and SVG: per shown indicator one panel per scenario
/// (median, 5–95% band, the first scenario's median for reference, the goal as a marker at its year), and the
/// goal chances on 0–100% with Wilson intervals. The figures themselves are <see cref="PaperCharts"/>'s.
/// </summary>
public static class ComparisonCharts
{
    public const string Folder = PaperCharts.Folder;

    public static IReadOnlyList<string> Write(RunFolder folder, ScenarioComparison c) => PaperCharts.Write(folder, c.Runs);
}
