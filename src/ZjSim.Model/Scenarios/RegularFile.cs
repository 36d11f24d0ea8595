using System.Runtime.InteropServices;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// Whether a path is a regular file (after symbolic links). Opening a FIFO blocks until a writer comes, and a
/// device such as /dev/zero never ends, so config and result files are read only when they are regular files.
/// .NET reports no file type, so on Linux this asks statx(2) (whose layout is the same on every architecture).
/// </summary>
public static class RegularFile
{
    private const int AtFdCwd = -100, StatxType = 0x1, ModeOffset = 28, TypeMask = 0xF000, Regular = 0x8000;

    public static bool Is(string path)
    {
        if (!File.Exists(path)) return false;
        if (!OperatingSystem.IsLinux()) return true;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return true;   // cannot tell: let the read report it
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
        int mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
