namespace ZjSim.Grains;

/// <summary>
/// A thread-safe cache holding at most a fixed number of entries, dropping the least recently used.
/// Each value is made once (Lazy) even when many grains ask at the same moment; a dropped value is
/// simply made again, so values must be pure functions of their keys.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Lazy<TValue> Value)>> _index = [];
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> _recent = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _index.Count; } }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        Lazy<TValue> value;
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                value = node.Value.Value;
            }
            else
            {
                value = new Lazy<TValue>(() => make(key));
                _index[key] = _recent.AddFirst((key, value));
                if (_index.Count > capacity)
                {
                    _index.Remove(_recent.Last!.Value.Key);
                    _recent.RemoveLast();
                }
            }
        }
        return value.Value;
    }

    /// <summary>Drops the entry, if it is still the given one (a failed attempt, so the next call makes it again).</summary>
    public void Remove(TKey key, TValue made)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node) && node.Value.Value.IsValueCreated
                && EqualityComparer<TValue>.Default.Equals(node.Value.Value.Value, made))
            {
                _index.Remove(key);
                _recent.Remove(node);
            }
        }
    }

    /// <summary>Drops the entry, whatever it holds (its value is no longer wanted).</summary>
    public void Remove(TKey key)
    {
        lock (_lock)
        {
            if (_index.Remove(key, out var node)) _recent.Remove(node);
        }
    }
}
