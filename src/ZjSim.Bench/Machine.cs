using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ZjSim.Bench;

/// <summary>What the figures were measured on, as printed beside them.</summary>
public sealed record Machine(int Cores, string Cpu, string Os, string Runtime, string Vectors, string Gc)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        $"Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, AVX2 {Yes(Avx2.IsSupported)}, AVX-512F {Yes(Avx512F.IsSupported)}",
        $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}");

    private static string Yes(bool b) => b ? "yes" : "no";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
