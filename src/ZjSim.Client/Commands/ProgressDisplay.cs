using Spectre.Console;
using ZjSim.GrainInterfaces;

namespace ZjSim.Client.Commands;

/// <summary>
/// A live bar per scenario (replications per second and time left) on a terminal; on redirected output
/// (CI, a pipe) a line per tenth of each run instead of a redrawn bar.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> Follow<T>(IAnsiConsole console, IReadOnlyList<RunPlan> plans,
        Func<Action<int, RunProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var lastTenth = Enumerable.Repeat(-1, plans.Count).ToArray();
            return await work((i, p) =>
            {
                int total = plans[i].Request.Replications;
                int tenth = p.Completed * 10 / Math.Max(1, total);
                if (tenth == lastTenth[i]) return;
                lastTenth[i] = tenth;
                console.WriteLine($"  {plans[i].Scenario.Name}: {p.Completed}/{total} replications, {p.ElapsedSeconds:0.0} s{Rate(p)}");
            });
        }

        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = plans.Select(p => ctx.AddTask(Markup.Escape(p.Scenario.Name), maxValue: p.Request.Replications)).ToArray();
                result = await work((i, p) =>
                {
                    tasks[i].Value = p.Completed;
                    tasks[i].Description = $"{Markup.Escape(plans[i].Scenario.Name)}{Rate(p)}";
                });
            });
        return result;
    }

    private static string Rate(RunProgress p) =>
        p.ElapsedSeconds > 0.5 && p.Completed > 0 ? $" ({p.Completed / p.ElapsedSeconds:0.0} rep/s)" : "";
}
