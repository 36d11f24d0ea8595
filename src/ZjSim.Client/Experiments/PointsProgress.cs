using System.Diagnostics;
using Spectre.Console;

namespace ZjSim.Client.Experiments;

/// <summary>
/// A live bar over an experiment's points with points per second and time left; on redirected output a line per
/// tenth of the points instead.
/// </summary>
public static class PointsProgress
{
    /// <param name="work">Does the points, reporting (done so far this session, replications finished within the current wave).</param>
    public static async Task<T> Follow<T>(IAnsiConsole console, int alreadyDone, int total, Func<Action<int>, Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        string Rate(int doneNow) => clock.Elapsed.TotalSeconds > 0.5 && doneNow > 0 ? $" ({doneNow / clock.Elapsed.TotalSeconds:0.00} points/s)" : "";
        if (!console.Profile.Capabilities.Interactive)
        {
            int lastTenth = -1;
            return await work(doneNow =>
            {
                int done = alreadyDone + doneNow;
                int tenth = done * 10 / Math.Max(1, total);
                if (tenth == lastTenth) return;
                lastTenth = tenth;
                string left = doneNow > 0 ? $", about {(total - done) * clock.Elapsed.TotalSeconds / doneNow:0} s left" : "";
                console.WriteLine($"  points: {done}/{total}, {clock.Elapsed.TotalSeconds:0.0} s{Rate(doneNow)}{left}");
            });
        }
        T result = default!;
        await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("points", maxValue: total);
                task.Value = alreadyDone;
                result = await work(doneNow =>
                {
                    task.Value = alreadyDone + doneNow;
                    task.Description = $"points {alreadyDone + doneNow}/{total}{Rate(doneNow)}";
                });
            });
        return result;
    }
}
