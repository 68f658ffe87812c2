using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// A page whose forms work only once its circuit is up: until then the prerendered page is only a picture of it. The
/// page's card says which in <c>data-interactive</c>, so that a browser test does not fill a form nobody listens to.
/// </summary>
public abstract class InteractivePage : ComponentBase
{
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
