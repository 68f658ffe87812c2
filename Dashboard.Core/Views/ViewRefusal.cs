namespace Dashboard.Core.Views;

/// <summary>Why a change to a view was refused; the API answers 400, 403, 404 and 409 (busy) for them.</summary>
public enum ViewRefusal
{
    /// <summary>The input is wrong: a missing name, an unknown page, a query string that is too long.</summary>
    Invalid,

    /// <summary>The view exists, but the actor may not change it.</summary>
    Forbidden,

    /// <summary>No such view, or one the actor cannot see (someone else's private view).</summary>
    NotFound,

    /// <summary>The store is busy with an import (<see cref="Data.StoreBusy"/>).</summary>
    Busy,
}
