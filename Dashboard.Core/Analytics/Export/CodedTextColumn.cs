namespace Dashboard.Core.Analytics.Export;

/// <summary>A dictionary-coded text column: <c>Codes[i]</c> indexes <see cref="Names"/>; a negative code is null.</summary>
public sealed record CodedTextColumn(string Name, short[] Codes, IReadOnlyList<string> Names) : DataTableColumn(Name);
