namespace Dashboard.Core.Settings;

/// <summary>A section of the settings and the options class it is bound to (see <see cref="SettingsServices.AddSettings{T}"/>).</summary>
public sealed record SettingsSection(string Name, Type OptionsType);
