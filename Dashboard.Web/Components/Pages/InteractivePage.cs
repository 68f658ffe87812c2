using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// A page whose forms work only once its circuit is up: until then the prerendered page is only a picture of it. The
/// page's card says which in <c>data-interactive</c>, so that a browser test does not fill a form nobody listens to.
/// Its actions check the one asking (<see cref="CurrentUser"/>), confirm in a dialog and say their outcome in a snackbar.
/// </summary>
public abstract class InteractivePage : ComponentBase
{
    [Inject]
    protected CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>True from the first interactive render on.</summary>
    protected bool Interactive { get; private set; }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            Interactive = true;
            StateHasChanged();
        }
    }
}
