using System.Runtime.InteropServices;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// LightGbm's native library runs its trees on OpenMP (libgomp), whose idle threads spin for a while before they sleep. On a
/// machine that is busy with anything else (the web app answering requests, a second process) that spinning takes the CPU
/// the other threads need: 100 iterations took 17.7–25 s beside one CPU-bound process instead of 4.6 s. libgomp reads
/// <c>OMP_WAIT_POLICY</c> from the process environment once, when it is loaded, which happens with LightGbm's library on
/// the first training. <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's own copy on
/// Unix, so this sets the C library's environment before that load. A value the operator set is kept.
/// </summary>
internal static class OpenMp
{
    private static int _done;

    /// <summary>Makes OpenMP threads sleep when idle (<c>OMP_WAIT_POLICY=PASSIVE</c>) unless the environment already says
    /// otherwise. Call before the first LightGbm training of the process; later calls do nothing.</summary>
    public static void SleepWhenIdle()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1 || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is { Length: > 0 })
            return;
        if (OperatingSystem.IsWindows())
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE"); // the process environment itself on Windows
        else
            _ = SetEnv("OMP_WAIT_POLICY\0"u8.ToArray(), "PASSIVE\0"u8.ToArray(), 0);
    }

    // NUL-terminated UTF-8 as byte arrays: plain pinned buffers, so no unsafe code and no string marshalling
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(byte[] name, byte[] value, int overwrite);
}
