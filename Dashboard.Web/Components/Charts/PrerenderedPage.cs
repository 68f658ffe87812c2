using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Whether a circuit still shows the page the server prerendered for it: only then are the cards' first frames in the
/// browser to be taken back (<see cref="ChartCard"/>). False from the circuit's first navigation on. Scoped to the circuit,
/// and made by the layout as the circuit starts, so that it hears that first navigation.
/// </summary>
public sealed class PrerenderedPage : IDisposable
{
    private readonly NavigationManager _navigation;

    public PrerenderedPage(NavigationManager navigation)
    {
        _navigation = navigation;
        _navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>True until the circuit navigates.</summary>
    public bool Current { get; private set; } = true;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        Current = false;
        _navigation.LocationChanged -= OnLocationChanged;
    }

    public void Dispose() => _navigation.LocationChanged -= OnLocationChanged;
}
