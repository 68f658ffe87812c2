using System.Globalization;
using Dashboard.Core.Orders;
using Dashboard.Core.Digests;
using Dashboard.Core.Display;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>
/// The fields of a digest subscription: address, day, hour, time zone and the weekly page's filters (and, for an admin,
/// whose subscription it is). Starts from <see cref="Initial"/> and hands the result to <see cref="Save"/>.
/// </summary>
public sealed partial class SubscriptionForm
{
    private static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly IReadOnlyList<string> AllZones =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    private SubscriptionInput? _shown;
    private long _userId;
    private string _email = "";
    private DayOfWeek _day = DayOfWeek.Monday;
    private int _hour = 7;
    private string _timeZone = "UTC";
    private OrderFilter _filter = OrderFilter.None;
    private string _culture = "";

    [Inject]
    private DisplayCulture Display { get; set; } = default!;

    /// <summary>The values the form starts with; a new value resets the form. Required.</summary>
    [Parameter, EditorRequired]
    public required SubscriptionInput Initial { get; set; }

    /// <summary>The values each filter offers. Required.</summary>
    [Parameter, EditorRequired]
    public required OrderFilterOptions Options { get; set; }

    /// <summary>When set (admins), the form asks whose subscription it is. Default: null (the signed-in user's own).</summary>
    [Parameter]
    public IReadOnlyList<UserAccount>? Users { get; set; }

    /// <summary>Called with the form's values when it is submitted.</summary>
    [Parameter]
    public EventCallback<SubscriptionInput> Save { get; set; }

    /// <summary>Called when the user stops changing an existing subscription.</summary>
    [Parameter]
    public EventCallback Cancel { get; set; }

    private string SaveText => Initial.Id is null ? "Subscribe" : "Save changes";

    /// <summary>The number formats the header's menu offers, with the one shown first if the list lacks it.</summary>
    private IEnumerable<string> Cultures
    {
        get
        {
            var offered = Display.Choices.Select(c => c.Name).ToList();
            return _culture.Length == 0 || offered.Contains(_culture) ? offered : offered.Prepend(_culture);
        }
    }

    /// <summary>The known zones, with the one shown first if this machine does not list it.</summary>
    private IEnumerable<string> TimeZones => AllZones.Contains(_timeZone) ? AllZones : AllZones.Prepend(_timeZone);

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Initial))
        {
            _shown = Initial;
            (_userId, _email, _day, _hour, _timeZone, _filter, _culture) =
                (Initial.UserId, Initial.Email, Initial.Day, Initial.Hour, Initial.TimeZone, Initial.Filter, Initial.Culture ?? "");
        }
    }

    private Task SubmitAsync() =>
        Save.InvokeAsync(new SubscriptionInput(_userId, _email, _day, _hour, _timeZone, _filter, Initial.Id, _culture.Length > 0 ? _culture : null));

    private static string CultureText(string name) =>
        name.Length == 0 ? "Dashboard default"
        : DisplayCultures.Find(name) is { } c ? $"{c.Name} · {new DisplayNumbers(c).Count(1234567)}" : name; // its name and how it groups a number

    private static string HourText(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";
}
