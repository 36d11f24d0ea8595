using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;

namespace ZjSim.Silo;

/// <summary>
/// zjsim-silo --metrics-out FILE: the silo's cumulative messaging totals, read from Orleans' own meter
/// ("Microsoft.Orleans") with a MeterListener in this process, written as JSON to FILE every second and once more
/// when the silo stops. zjsim-bench --processes reads them before and after its measured run to count, per
/// replication, the messages and bytes each silo sent. The totals:
/// <list type="bullet">
/// <item>orleans-messaging-sent-messages-size / -received-messages-size (histograms, bytes of each message that went
/// over a connection): count and sum by connection direction (SiloToSilo, ClientToGateway, GatewayToClient) and
/// message direction (Request, Response, OneWay), and size class (small, or large from 64 KB);</item>
/// <item>orleans-messaging-sent-local: messages that stayed in this silo (requests and responses, no bytes);</item>
/// <item>orleans-storage-write-latency: grain storage writes from this silo (count, milliseconds);</item>
/// <item>the process's CPU time.</item>
/// </list>
/// Writes go to FILE.tmp then a rename, so a reader never sees half a file.
/// </summary>
internal sealed class MessagingTotals : IDisposable
{
    private const string Meter = "Microsoft.Orleans";
    private static readonly HashSet<string> Histograms =
        ["orleans-messaging-sent-messages-size", "orleans-messaging-received-messages-size", "orleans-storage-write-latency"];
    private const string LocalMessages = "orleans-messaging-sent-local";
    /// <summary>Messages of this size or more are counted apart ("large"): a run request with its posterior rows is one.</summary>
    private const int LargeMessage = 64 * 1024;

    private readonly string _file;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Sum> _sums = new();
    private readonly Timer _timer;
    private readonly object _writing = new();
    private long _local, _sequence;

    private sealed class Sum
    {
        public long Count;
        public double Total;
    }

    public MessagingTotals(string file)
    {
        _file = Path.GetFullPath(file);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != Meter) return;
            if (Histograms.Contains(instrument.Name) || instrument.Name == LocalMessages) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        // Observable counters report their cumulative value when polled (RecordObservableInstruments).
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == LocalMessages) Interlocked.Exchange(ref _local, value);
        });
        _listener.Start();
        _timer = new Timer(_ => Write(final: false), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string connection = "", message = "";
        foreach (var t in tags)
        {
            if (t.Key == "ConnectionDirection") connection = t.Value?.ToString() ?? "";
            else if (t.Key == "MessageDirection") message = t.Value?.ToString() ?? "";
        }
        string key = instrument.Name == "orleans-storage-write-latency" ? "storage-writes"
            : $"{(instrument.Name.Contains("-sent-", StringComparison.Ordinal) ? "sent" : "received")}/{connection}/{message}/{(value >= LargeMessage ? "large" : "small")}";
        var sum = _sums.GetOrAdd(key, _ => new Sum());
        lock (sum)
        {
            sum.Count++;
            sum.Total += value;
        }
    }

    /// <summary>Writes the totals so far; the final write also stops the timer's.</summary>
    public void Write(bool final)
    {
        lock (_writing)
        {
            try
            {
                _listener.RecordObservableInstruments();
                var totals = new SortedDictionary<string, object>(StringComparer.Ordinal);
                foreach (var (key, sum) in _sums)
                    lock (sum) totals[key] = new { count = sum.Count, sum = sum.Total };
                var document = new
                {
                    pid = Environment.ProcessId,
                    sequence = ++_sequence,
                    written_utc = DateTime.UtcNow,
                    final,
                    cpu_seconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
                    local_messages = Interlocked.Read(ref _local),
                    totals,
                };
                string temporary = _file + ".tmp";
                File.WriteAllText(temporary, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
                File.Move(temporary, _file, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (final) Console.Error.WriteLine($"zjsim-silo: --metrics-out {_file}: {e.Message}");
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Write(final: true);
        _listener.Dispose();
    }
}
