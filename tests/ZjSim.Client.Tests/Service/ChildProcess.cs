using System.Collections.Concurrent;
using System.Diagnostics;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// A process a test started: its output is drained as it comes (a silo that logs into a full pipe would
/// stall) and kept for assertions and failure messages; Kill sends SIGKILL to exactly this process.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public string Name { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public ChildProcess(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        Name = name;
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) _errors.Enqueue(e.Data);
            Add(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _lines);

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    /// <summary>The lines written to stderr alone (complete once <see cref="WaitForExit"/> has returned).</summary>
    public IReadOnlyList<string> ErrorLines => _errors.ToArray();

    /// <summary>Waits for a line that satisfies the test, failing with the output so far after the time-out.</summary>
    public async Task<string> WaitForLine(Func<string, bool> test, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        int seen = 0;
        while (true)
        {
            var lines = _lines.ToArray();
            for (; seen < lines.Length; seen++)
                if (test(lines[seen])) return lines[seen];
            if (_process.HasExited && _lines.Count == seen)
                throw new InvalidOperationException($"{Name} exited (code {_process.ExitCode}) before {what}:\n{Output}");
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"{Name}: no {what} within {timeout.TotalSeconds:0} s:\n{Output}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        // WaitForExitAsync also waits for the end of both output streams, so every line is in by then.
        try { await _process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{Name} still running after {timeout.TotalSeconds:0} s:\n{Output}"); }
        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (SIGINT 2, SIGTERM 15, SIGHUP 1) to exactly this process.</summary>
    public void Signal(int signal)
    {
        if (SendSignal(_process.Id, signal) != 0)
            throw new InvalidOperationException($"{Name}: kill({_process.Id}, {signal}) failed (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: no graceful stop, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
    }

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { }   // never started or already reaped
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        _arrived.Release();
    }
}
