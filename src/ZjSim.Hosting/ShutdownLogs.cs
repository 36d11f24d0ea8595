using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ZjSim.Hosting;

/// <summary>
/// Where an in-process host's log records go: to the terminal (stderr) while a command runs, and once it is being
/// cancelled or stopped, to a log file instead. A stopping silo reports every grain call it cuts short (Orleans'
/// "no active nodes" errors, Polly's retries, with their stack traces): the file keeps them, the terminal gets only
/// the command's one line. The file is created on its first record only, and keeps the first
/// <see cref="MaxRecords"/> records: a silo stopped under a running replication repeats the same failure for every
/// grain it can no longer place (tens of megabytes), and the first records say all there is.
/// </summary>
public sealed class ShutdownLogs : ILoggerProvider
{
    public const int MaxRecords = 2000;

    private readonly Lock _lock = new();
    private int _records, _dropped;
    private readonly string _folder, _program;
    private volatile bool _redirected;
    private StreamWriter? _file;

    /// <param name="folder">The folder of the log file (zjsim gives its crash-log folder).</param>
    public ShutdownLogs(string program, string? folder = null)
    {
        _program = program;
        _folder = folder ?? Path.Combine(Path.GetTempPath(), "zjsim", "logs");
    }

    /// <summary>The log file, once a record was written to it.</summary>
    public string? FilePath { get; private set; }

    public bool Redirected => _redirected;

    /// <summary>From now on, records go to the file and not the terminal.</summary>
    public void Redirect() => _redirected = true;

    /// <summary>
    /// Sends the console provider's records through this switch (stderr until <see cref="Redirect"/>). The filter
    /// replaces every level rule for the console, so <paramref name="terminal"/> must apply the levels itself.
    /// </summary>
    internal void Attach(ILoggingBuilder logging, Func<string?, LogLevel, bool> terminal)
    {
        logging.AddFilter<ConsoleLoggerProvider>((category, level) => !_redirected && terminal(category, level));
        logging.AddProvider(this);
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    /// <summary>Hosts that share this provider each dispose it; the owner closes the file once, with <see cref="Close"/>.</summary>
    public void Dispose() { }

    public void Close()
    {
        lock (_lock)
        {
            if (_dropped > 0) _file?.WriteLine($"... {_dropped} more records left out (only the first {MaxRecords} are kept)");
            _file?.Dispose();
            _file = null;
        }
    }

    private void Write(string category, LogLevel level, EventId id, string message, Exception? exception)
    {
        var line = new StringBuilder()
            .Append(DateTime.UtcNow.ToString("O")).Append(' ').Append(level).Append(' ').Append(category)
            .Append('[').Append(id.Id).Append("] ").Append(message);
        if (exception is not null) line.AppendLine().Append(exception);
        lock (_lock)
        {
            if (++_records > MaxRecords) { _dropped++; return; }
            try
            {
                if (_file is null)
                {
                    Directory.CreateDirectory(_folder);
                    FilePath = Path.Combine(_folder, $"{_program}-shutdown-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
                    _file = new StreamWriter(FilePath, append: true) { AutoFlush = true };
                }
                _file.WriteLine(line.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // losing a shutdown record must not fail the stop
        }
    }

    private sealed class FileLogger(ShutdownLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => owner._redirected && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Write(category, logLevel, eventId, formatter(state, exception), exception);
        }
    }
}
