using Dashboard.Core.Views;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>Opens the Views menu's dialogs (MudBlazor's: they trap the focus and give it back; Escape closes them, decision 0027).</summary>
public static class ViewsDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };

    public static Task SaveAsync(IDialogService dialogs, string page, string query) =>
        dialogs.ShowAsync<SaveViewDialog>("Save this page as a view",
            new DialogParameters<SaveViewDialog> { { d => d.Page, page }, { d => d.Query, query } }, Options);

    public static Task ManageAsync(IDialogService dialogs) =>
        dialogs.ShowAsync<ManageViewsDialog>("Views", new DialogParameters<ManageViewsDialog>(), Options with { MaxWidth = MaxWidth.Medium });

    /// <summary>A start page is a house, a shared view a group, a private one a bookmark.</summary>
    public static string IconOf(ViewSummary view) =>
        view.IsStart ? Icons.Material.Filled.Home : view.Shared ? Icons.Material.Filled.Group : Icons.Material.Filled.Bookmark;
}
