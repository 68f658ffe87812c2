using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dashboard.Core.Models.Training;

namespace Dashboard.Tests.Unit.Models;

public class OpenMpTests
{
    /// <summary>What the C library's environment said before any test ran, so before any training could have set it: a training test
    /// run earlier in this process must not make the test below compare the value with itself.</summary>
    private static string? _atStart;

    [ModuleInitializer]
    internal static void RecordTheOperatorsValue() => _atStart = Marshal.PtrToStringUTF8(GetEnv("OMP_WAIT_POLICY"));

    [Fact]
    public void LightGbmsOpenMpThreadsAreToldToSleepWhenIdleUnlessTheOperatorSaidOtherwise()
    {
        OpenMp.SleepWhenIdle();
        // what libgomp will read when LightGbm's library loads: the C library's environment, not .NET's copy of it
        Assert.Equal(_atStart ?? "PASSIVE", Marshal.PtrToStringUTF8(GetEnv("OMP_WAIT_POLICY")));
    }

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv(byte[] name);

    private static IntPtr GetEnv(string name) => GetEnv([.. System.Text.Encoding.UTF8.GetBytes(name), 0]);
}
