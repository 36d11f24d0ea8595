using System.Text;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// A parameter given as a distribution, at its dotted path. Its draws come from its own stream, whose
/// entity number is a stable hash of the path: the same parameter draws from the same stream in every
/// scenario (common random numbers), however many other parameters are uncertain and whatever the order.
/// </summary>
public sealed record UncertainParameter(string Path, ParameterDistribution Distribution)
{
    public int Entity { get; } = StreamEntity(Path);

    /// <summary>FNV-1a (32 bits) of the path's UTF-8 bytes: fixed by the path alone.</summary>
    public static int StreamEntity(string path)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(path))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return (int)hash;
    }
}
