using System.Runtime.InteropServices;
using Dashboard.Core.Models.Training;

namespace Dashboard.Tests.Unit.Models;

public class OpenMpTests
{
    [Fact]
    public void LightGbmsOpenMpThreadsAreToldToSleepWhenIdleUnlessTheOperatorSaidOtherwise()
    {
        var before = Marshal.PtrToStringUTF8(GetEnv("OMP_WAIT_POLICY"));
        OpenMp.SleepWhenIdle();
        // what libgomp will read when LightGbm's library loads: the C library's environment, not .NET's copy of it
        Assert.Equal(before ?? "PASSIVE", Marshal.PtrToStringUTF8(GetEnv("OMP_WAIT_POLICY")));
    }

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv(byte[] name);

    private static IntPtr GetEnv(string name) => GetEnv([.. System.Text.Encoding.UTF8.GetBytes(name), 0]);
}
