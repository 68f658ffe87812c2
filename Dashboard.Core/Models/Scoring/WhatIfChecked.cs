namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// A What-if request after <see cref="WhatIfValidator"/>: the model's input when every input is in range, otherwise null
/// and the reasons, by input (the names the API's JSON uses), as problem details report them.
/// </summary>
public sealed record WhatIfChecked<TInput>(TInput? Input, IReadOnlyDictionary<string, string[]> Errors) where TInput : class
{
    public bool IsValid => Input is not null;

    /// <summary>The reasons <paramref name="input"/> was refused, as one line; null when it was not.</summary>
    public string? ErrorOf(string input) => Errors.TryGetValue(input, out var reasons) ? string.Join(" ", reasons) : null;
}
