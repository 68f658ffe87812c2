using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Shared.Rows;

/// <summary>"Show rows" at a chart click (drill-through): a snackbar's action, keyboard reachable, that goes by itself.</summary>
public static class RowsOffer
{
    public static void Show(ISnackbar snackbar, NavigationManager navigation, string message, string href) =>
        snackbar.Add(message, Severity.Normal, config =>
        {
            config.Action = "Show rows";
            config.ActionColor = Color.Primary;
            config.ActionVariant = Variant.Outlined;
            config.VisibleStateDuration = 10000;
            config.OnClick = _ =>
            {
                navigation.NavigateTo(href);
                return Task.CompletedTask;
            };
        }, key: "show-rows");
}
