using Bunit;
using Dashboard.Core.Users;
using Dashboard.Web.Components.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Tests.Components;

/// <summary>A bUnit context as the app has it: MudBlazor's services, loose JS interop (plotly and MudBlazor call the
/// browser; nothing answers here) and a signed-in user of the given role. Disposed asynchronously: some MudBlazor
/// services implement only IAsyncDisposable.</summary>
public static class ComponentTest
{
    public static BunitContext Create(Role role = Role.Analyst)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<PrerenderedPage>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles([.. Enum.GetValues<Role>().Where(r => r <= role).Select(r => r.ToString())]);
        return context;
    }

    /// <summary>Renders in a circuit, as a chart card does (it asks <c>RendererInfo</c>); after every service is added.
    /// Nothing answers the card's module here, so a card finds no prerendered first frame to take back.</summary>
    public static BunitContext InCircuit(this BunitContext context)
    {
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
