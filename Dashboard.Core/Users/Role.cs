namespace Dashboard.Core.Users;

/// <summary>
/// What a signed-in person may do. The roles are nested: an <see cref="Analyst"/> may do all a <see cref="Viewer"/> may,
/// an <see cref="Admin"/> all an analyst may.
/// </summary>
public enum Role
{
    /// <summary>Managers: the dashboards and the weekly review.</summary>
    Viewer = 1,

    /// <summary>Also What-if, Models and the CSV exports.</summary>
    Analyst = 2,

    /// <summary>Also uploads, undo, retraining and the users.</summary>
    Admin = 3,
}
