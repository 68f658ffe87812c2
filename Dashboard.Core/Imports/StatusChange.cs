namespace Dashboard.Core.Imports;

public sealed record StatusChange(string From, string To, int Lines);
