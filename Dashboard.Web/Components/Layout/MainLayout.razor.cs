using Dashboard.Web.Components.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Layout;

/// <summary>The app's frame: bar, navigation drawer, theme switch. The theme starts as the request's cookie said and the
/// switch keeps the new choice in that cookie (through the collocated module), so every page of this browser follows it.</summary>
public sealed partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _dark;
    private IJSObjectReference? _module;
    private ElementReference _main;

    [CascadingParameter(Name = ThemeCascade.InitialDarkMode)]
    private bool InitialDark { get; set; }

    [CascadingParameter(Name = PhoneHint.Cascade)]
    private bool Phone { get; set; }

    protected override void OnInitialized()
    {
        _dark = InitialDark;
        _drawerOpen = !Phone;
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    // This page's own address with the fragment: a bare "#content" would resolve against <base href="/"> to the overview.
    private string SkipHref => Navigation.Uri.Split('#')[0] + "#content";

    private async Task SkipToContentAsync() => await _main.FocusAsync();

    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Layout/MainLayout.razor.js");
        await _module.InvokeVoidAsync("saveTheme", DashboardTheme.Cookie, _dark ? "dark" : "light");
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page.
            }
        }
    }
}
