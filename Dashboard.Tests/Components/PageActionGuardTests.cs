using System.Security.Claims;
using Bunit;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Components;

/// <summary>
/// A page action of a user whose role was taken away while the page was open (on another instance: this one's cache
/// still has the old role): answered "not allowed", the action not done, the page and its circuit still there.
/// </summary>
public sealed class PageActionGuardTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ADemotedAdminsActionIsAnsweredNotAllowedAndThePageStays()
    {
        var thisInstance = NewUsers();
        var otherInstance = NewUsers();
        await otherInstance.CreateAsync("boss", "boss-password-1", Role.Admin, actor: "test");
        var ana = await otherInstance.CreateAsync("ana", "ana-password-1", Role.Admin, actor: "boss");
        await using var context = SignedIn(ana, thisInstance);
        var page = context.Render<PageActionGuard>(p => p.AddChildContent<UndoProbe>());

        await page.Find("button").ClickAsync(new());
        var snackbar = context.Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.True(page.Find("output").TextContent == "undone 1",
            $"{page.Markup} / {string.Join(" | ", snackbar.ShownSnackbars.Select(s => s.Message))}"));

        await otherInstance.SetRoleAsync(ana.Id, Role.Viewer, actor: "boss");
        await page.Find("button").ClickAsync(new());
        await page.Find("button").ClickAsync(new()); // a second refusal is handled as the first: the click does not throw

        var shown = snackbar.ShownSnackbars.Select(s => s.Message ?? "").ToList();
        // One message: MudBlazor does not show a second copy of a snackbar that is still up.
        Assert.Equal("Not allowed: this needs the Admin role, and your account no longer has it.", Assert.Single(shown));
        Assert.Equal(1, UndoProbe.Undone(ana.UserName));
        Assert.NotNull(page.Find("button")); // the page is there to use, in the same circuit
    }

    [Fact]
    public async Task AnotherFailureShowsInPlaceOfThePage()
    {
        var users = NewUsers();
        var ana = await users.CreateAsync("ana", "ana-password-1", Role.Admin, actor: "test");
        await using var context = SignedIn(ana, users);
        var page = context.Render<PageActionGuard>(p => p.AddChildContent<FailingProbe>());

        await page.Find("button").ClickAsync(new());

        Assert.Contains("Something went wrong on this page", page.Find("[data-page-error]").TextContent);
        Assert.Empty(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    private UserService NewUsers()
    {
        var contexts = _db.Contexts();
        return new UserService(contexts, Microsoft.Extensions.Options.Options.Create(new AuthOptions()), new AuditLog(contexts, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);
    }

    /// <summary>A circuit signed in as <paramref name="user"/> with the claims its cookie carries.</summary>
    private static BunitContext SignedIn(UserAccount user, UserService users)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLogging();
        context.Services.AddSingleton(users);
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedInAs(Principals.For(user)));
        return context;
    }

    private sealed class SignedInAs(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }

    /// <summary>An admin's action as the Imports page's Undo has it: the role checked, then the work done.</summary>
    private sealed class UndoProbe : ComponentBase
    {
        private static readonly Dictionary<string, int> Counts = [];
        private int _undone;

        [Inject]
        private CurrentUser CurrentUser { get; set; } = default!;

        public static int Undone(string user) => Counts.GetValueOrDefault(user);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "onclick", EventCallback.Factory.Create(this, UndoAsync));
            builder.AddContent(2, "Undo");
            builder.CloseElement();
            builder.OpenElement(3, "output");
            builder.AddContent(4, $"undone {_undone}");
            builder.CloseElement();
        }

        private async Task UndoAsync()
        {
            var user = await CurrentUser.RequireAsync(Role.Admin);
            _undone++;
            Counts[user.UserName] = Counts.GetValueOrDefault(user.UserName) + 1;
        }
    }

    private sealed class FailingProbe : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "onclick", EventCallback.Factory.Create(this, () => throw new InvalidOperationException("broken")));
            builder.AddContent(2, "Break");
            builder.CloseElement();
        }
    }
}
