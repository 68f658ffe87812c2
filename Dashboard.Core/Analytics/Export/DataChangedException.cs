
namespace Dashboard.Core.Analytics.Export;

/// <summary>The store kept changing while an export read it (imports or undos committing one after another); asking again answers.</summary>
public sealed class DataChangedException() : Exception("The data changed while it was being exported; try again in a moment.");
