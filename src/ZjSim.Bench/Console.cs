using System.Diagnostics;
using System.Globalization;

namespace ZjSim.Bench;

/// <summary>
/// The `zjsim` console end to end, as a user runs it: the built client started as a child process, timed from process
/// start to exit, with its CPU time (the children's times this process reaps, from /proc/self/stat). Its start-up is
/// measured apart, as `zjsim --help` (runtime and JIT only) and a run of one replication (silo start, first JIT of the
/// model, the files written).
/// </summary>
public static class ConsoleRun
{
    /// <param name="EnterpriseYears">What the console reported simulating ("N enterprise-years in ..."), or null.</param>
    public sealed record Timing(double Seconds, double? CpuSeconds, int ExitCode, long? EnterpriseYears = null);

    public sealed record Figures(string Executable, Timing Help, Timing One, Timing Large, int Replications);

    /// <summary>The built zjsim next to the repository's config folder, or null when it is not built.</summary>
    public static string? Locate(string configDirectory)
    {
        var root = Directory.GetParent(configDirectory)!.FullName;
        var path = Path.Combine(root, "src", "ZjSim.Client", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "zjsim.exe" : "zjsim");
        return File.Exists(path) ? path : null;
    }

    public static Figures Measure(string executable, int replications)
    {
        var output = Path.Combine(Path.GetTempPath(), $"zjsim-bench-{Guid.NewGuid():N}");
        try
        {
            Time(executable, ["--help"]);   // warm the file cache, as a user's second run would find it
            var help = Median(3, () => Time(executable, ["--help"]));
            var one = Median(3, () => Time(executable, ["run", "--scenario", "baseline", "--replications", "1", "--seed", "1", "--out", Fresh(output)]));
            var large = Time(executable, ["run", "--scenario", "baseline", "--replications", replications.ToString(CultureInfo.InvariantCulture),
                "--seed", "1", "--out", Fresh(output)]);
            return new Figures(executable, help, one, large, replications);
        }
        finally
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Fresh(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return folder;
    }

    private static Timing Median(int times, Func<Timing> measure)
    {
        var all = Enumerable.Range(0, times).Select(_ => measure()).OrderBy(t => t.Seconds).ToList();
        return all[times / 2];
    }

    private static Timing Time(string executable, string[] args)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var before = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        // Drained, so a full pipe never stalls the child; the console's report is not needed.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        Task.WaitAll(stdout, stderr);
        var after = ChildrenCpu();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        var reported = System.Text.RegularExpressions.Regex.Match(stdout.Result, @"([\d,]+) enterprise-years in ");
        long? enterpriseYears = reported.Success ? long.Parse(reported.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) : null;
        return new Timing(seconds, before is double b && after is double a ? a - b : null, process.ExitCode, enterpriseYears);
    }

    /// <summary>CPU seconds of this process's reaped children (cutime + cstime of /proc/self/stat), or null.</summary>
    private static double? ChildrenCpu()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "(comm)": state is field 3, so cutime (16) and cstime (17) are at indexes 13 and 14.
            long ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return ticks / 100.0;   // USER_HZ
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }
}
