using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Core.Settings;

/// <summary>
/// The values of a section that cannot become their property's type, found by walking the options class as the binder
/// does (a property's <see cref="ConfigurationKeyNameAttribute"/> names its key, a dictionary's entries are its values).
/// The conversion is the binder's own (the type's <see cref="TypeConverter"/>), except that an enum must be one of its
/// names or defined values. An empty value is wrong for anything but text (the binder refuses it too).
/// </summary>
public static class SettingValues
{
    public static IReadOnlyList<string> Problems(IConfigurationSection section, Type type)
    {
        var problems = new List<string>();
        Walk(section, type, problems);
        return problems;
    }

    /// <summary>The key a property is bound from, relative to its section (it may go deeper, as <c>Smtp:Port</c>).</summary>
    public static string KeyOf(PropertyInfo property) => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    /// <summary>The properties the binder sets: public, writable, not an indexer.</summary>
    public static IEnumerable<PropertyInfo> Bound(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    /// <summary>A type of ours with settings of its own inside (not a value).</summary>
    public static bool IsNested(Type type) => type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Dashboard.", StringComparison.Ordinal) == true;

    public static Type? DictionaryValueType(Type type) => type.GetInterfaces().Append(type)
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
        ?.GetGenericArguments()[1];

    /// <summary>The item type of an array or a list (text is not a list of characters).</summary>
    public static Type? ElementType(Type type) => type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static void Walk(IConfigurationSection section, Type type, List<string> problems)
    {
        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var entry in section.GetChildren())
            {
                Walk(entry, valueType, problems);
            }
        }
        else if (ElementType(type) is { } elementType)
        {
            // A list: its items are checked; the list's own value (empty where a host writes the parent of "Key:0") is not.
            foreach (var item in section.GetChildren())
            {
                Walk(item, elementType, problems);
            }
        }
        else if (IsNested(type))
        {
            foreach (var property in Bound(type))
            {
                Walk(section.GetSection(KeyOf(property)), property.PropertyType, problems);
            }
        }
        else if (section.Value is { } text && !Converts(text, Nullable.GetUnderlyingType(type) ?? type))
        {
            problems.Add($"{section.Path} is {(text.Length == 0 ? "empty" : $"'{text}'")}; expected {Expected(Nullable.GetUnderlyingType(type) ?? type)}.");
        }
    }

    private static bool Converts(string text, Type type)
    {
        if (type == typeof(string))
        {
            return true;
        }
        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out var value) && Enum.IsDefined(type, value!);
        }
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException
            || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DayOfWeek) => "a day name such as Monday or Sunday",
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(decimal) || type == typeof(double) => "a number",
        _ when type == typeof(TimeSpan) => "a time span such as 00:15:00",
        _ => $"a value of type {type.Name}",
    };
}
