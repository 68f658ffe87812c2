using System.Globalization;
using Dashboard.Core.Events;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Events;

/// <summary>
/// Everyone signed in reads the timeline's events; analysts and admins add and delete them (decision 0033-timeline-events),
/// each action checked on the server against the one asking and audited by <see cref="TimelineEvents"/>.
/// </summary>
public sealed partial class EventsPage
{
    private IReadOnlyList<TimelineEvent>? _events;
    private IReadOnlyList<string> _categories = [];
    private IReadOnlyList<string> _states = [];
    private string _label = "";
    private string? _start;
    private string? _end;
    private string _category = "";
    private string _state = "";
    private bool _exclude;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private TimelineEvents Events { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Orders { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var options = await Orders.GetFilterOptionsAsync();
        (_categories, _states) = (options.Categories, options.States);
        _events = await Events.ListAsync();
    }

    private async Task AddAsync()
    {
        try
        {
            var analyst = await CurrentUser.RequireAsync(Role.Analyst);
            var saved = await Events.AddAsync(analyst, new EventInput(_label, Date(_start), Date(_end), _category, _state, _exclude), null);
            (_message, _messageIsError) = ($"Added {saved.Label} ({Days(saved)}).", false);
            Snackbar.Add(_message, Severity.Success);
            (_label, _start, _end, _exclude) = ("", null, null, false);
        }
        catch (EventRefusedException refused)
        {
            (_message, _messageIsError) = ($"{Field(refused.Field)} {refused.Message}", true);
        }
        _events = await Events.ListAsync();
    }

    private async Task DeleteAsync(TimelineEvent e)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Delete {e.Label}?", "It is taken off every chart; the audit log keeps that you did.", yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }
        var analyst = await CurrentUser.RequireAsync(Role.Analyst);
        var deleted = await Events.DeleteAsync(analyst, e.Id, null);
        (_message, _messageIsError) = (deleted ? $"Deleted {e.Label}." : $"{e.Label} was already deleted.", false);
        _events = await Events.ListAsync();
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Field(string field) => field switch
    {
        "label" => "The label",
        "start" => "The first day",
        "end" => "The last day",
        _ => "The " + field,
    };

    internal static string Days(TimelineEvent e) => e.IsSingleDay ? Text.Date(e.Start) : $"{Text.Date(e.Start)} – {Text.Date(e.End)}";

    private static string Scope(TimelineEvent e) =>
        (e.Category, e.State) switch
        {
            (null, null) => "everything",
            ({ } c, null) => c,
            (null, { } s) => s,
            ({ } c, { } s) => $"{c} in {s}",
        };
}
