using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// A page whose state lives in its URL's query string: controls navigate, and the page (re)loads from the URL on
/// first render and on every navigation to one of its own <see cref="Paths"/> (Blazor does not re-set parameters
/// of a page that has none when only the query string changes).
/// </summary>
public abstract class UrlStatePage : ComponentBase, IDisposable
{
    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The base-relative paths this page answers, e.g. <c>""</c> and <c>"orders"</c>.</summary>
    protected abstract IReadOnlyList<string> Paths { get; }

    /// <summary>Reads the URL (<see cref="NavigationManager.Uri"/>) and loads what the page shows.</summary>
    protected abstract Task LoadFromUrlAsync();

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        await LoadFromUrlAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = Navigation.ToBaseRelativePath(e.Location);
        var end = path.IndexOfAny(['?', '#']);
        path = (end < 0 ? path : path[..end]).TrimEnd('/');
        if (Paths.Contains(path, StringComparer.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(async () =>
            {
                await LoadFromUrlAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
