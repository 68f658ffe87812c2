namespace Dashboard.Core.Settings;

/// <summary>The sentences of the settings' DataAnnotations: <c>{0}</c> is the setting's path, <c>{1}</c> and <c>{2}</c> a range's ends.</summary>
public static class SettingRules
{
    public const string Positive = "{0} must be a whole number above 0.";
    public const string NotNegative = "{0} must be a whole number, 0 or more.";
    public const string Between = "{0} must be a whole number between {1} and {2}.";
    public const string Required = "{0} must be set.";
}
