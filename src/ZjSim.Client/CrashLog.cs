using System.Runtime.InteropServices;

namespace ZjSim;

/// <summary>
/// Where an unexpected failure's full trace goes, so the terminal gets one line and the trace is not lost:
/// $XDG_STATE_HOME/zjsim/logs, else ~/.local/state/zjsim/logs, else the temp folder.
/// Shared (as a linked file) by zjsim and zjsim-silo.
/// </summary>
public static class CrashLog
{
    public static string Folder
    {
        get
        {
            string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
            {
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                state = home.Length > 0 ? Path.Combine(home, ".local", "state") : null;
            }
            return state is null ? Path.Combine(Path.GetTempPath(), "zjsim", "logs") : Path.Combine(state, "zjsim", "logs");
        }
    }

    /// <summary>Writes the exception with its trace and the command line; returns the file's path (or null if nowhere could be written).</summary>
    public static string? Write(string program, Exception e, IEnumerable<string> args)
    {
        string name = $"{program}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log";
        // A --cluster address may hold Redis's password: the log keeps the command line without it.
        string text = $"{program} {string.Join(' ', args.Select(ZjSim.Hosting.RedisAddress.Redact))}\n{DateTime.UtcNow:O} pid {Environment.ProcessId}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}\n\n{e}\n";
        foreach (var folder in new[] { Folder, Path.Combine(Path.GetTempPath(), "zjsim", "logs") })
        {
            try
            {
                Directory.CreateDirectory(folder);
                string path = Path.Combine(folder, name);
                File.WriteAllText(path, text);
                return path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException) { }
        }
        return null;
    }

    /// <summary>The one line the terminal gets: what failed, and where its trace is.</summary>
    public static string Line(string program, Exception e, string? logPath)
    {
        var root = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        string what = root.Message.ReplaceLineEndings(" ");
        return logPath is null
            ? $"{program}: internal error: {root.GetType().Name}: {what} (the trace could not be written to a log file)"
            : $"{program}: internal error: {root.GetType().Name}: {what}; the full trace is in {logPath}";
    }

    /// <summary>
    /// The last resort, for an exception no code caught (in top-level code or on any thread): one line, the trace
    /// to the log, exit code 1 at once. _exit, not Environment.Exit: the host's exit handlers would wait for a
    /// shutdown that the failed code can no longer finish, and could reset the exit code.
    /// </summary>
    public static void InstallLastResort(string program, string[] args) =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception ?? new Exception(e.ExceptionObject?.ToString());
            try { Console.Error.WriteLine(Line(program, exception, Write(program, exception, args))); Console.Error.Flush(); }
            catch (IOException) { }
            if (OperatingSystem.IsWindows()) Environment.Exit(1);
            ExitImmediately(1);
        };

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitImmediately(int code);
}
