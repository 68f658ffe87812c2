namespace Dashboard.Core.Settings;

/// <summary>
/// The full path of a setting that lives outside its class's section (<c>ConnectionStrings:Dashboard</c> of the
/// <c>Store</c> settings), for where settings are shown by path (<see cref="SettingsView"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingPathAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
