using Dashboard.Core;
using Dashboard.Core.Settings;
using Dashboard.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Unit.Settings;

/// <summary>
/// Every section's checks, as the app registers them (conversion, DataAnnotations, each section's validator): the
/// defaults pass, and each wrong value is one sentence that names its setting.
/// </summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void TheDefaultsAndTheShippedAppsettingsPass()
    {
        Assert.Empty(Problems());
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(Path.GetDirectoryName(WebExecutable())!, "appsettings.json")).Build();
        Assert.Empty(Problems(shipped.AsEnumerable().Where(p => p.Value is not null).Select(p => (p.Key, p.Value!)).ToArray()));
    }

    [Theory]
    [InlineData("Store:Provider", "Oracle", "Store:Provider is 'Oracle'; expected one of Sqlite, PostgreSql.")]
    [InlineData("ConnectionStrings:Dashboard", "", "ConnectionStrings:Dashboard is not set (appsettings.json or ConnectionStrings__Dashboard).")]
    [InlineData("StatusGroups:Shipped", "Gone", "StatusGroups:Shipped is 'Gone'; expected one of Pending, Shipped, Delivered, Returned, Cancelled, Lost, Other.")]
    [InlineData("Uploads:Folder", "", "Uploads:Folder must be set.")]
    [InlineData("Uploads:MaxBytes", "0", "Uploads:MaxBytes must be a whole number above 0.")]
    [InlineData("Uploads:MaxBytes", "512MB", "Uploads:MaxBytes is '512MB'; expected a whole number.")]
    [InlineData("Uploads:KeepStagedMinutes", "-5", "Uploads:KeepStagedMinutes must be a whole number above 0.")]
    [InlineData("Uploads:MaxExpandedBytes", "4e9", "Uploads:MaxExpandedBytes is '4e9'; expected a whole number.")]
    [InlineData("Uploads:MaxExpansionRatio", "3000000000", "Uploads:MaxExpansionRatio is '3000000000'; expected a whole number.")]
    [InlineData("Imports:MaxLineAmount", "0", "Imports:MaxLineAmount must be a whole number above 0.")]
    [InlineData("Imports:MaxPurchase", "a lot", "Imports:MaxPurchase is 'a lot'; expected a whole number.")]
    [InlineData("Analytics:WeekStartsOn", "Funday", "Analytics:WeekStartsOn is 'Funday'; expected a day name such as Monday or Sunday.")]
    [InlineData("Analytics:WeekStartsOn", "9", "Analytics:WeekStartsOn is '9'; expected a day name such as Monday or Sunday.")]
    [InlineData("Analytics:FrameMaxLines", "5e6", "Analytics:FrameMaxLines is '5e6'; expected a whole number.")]
    [InlineData("Analytics:FrameMaxLines", "-1", "Analytics:FrameMaxLines must be a whole number, 0 or more.")]
    [InlineData("Downloads:MaxParallel", "0", "Downloads:MaxParallel must be a whole number above 0.")]
    [InlineData("Downloads:BatchRows", "many", "Downloads:BatchRows is 'many'; expected a whole number.")]
    [InlineData("Models:RetrainAfterImport", "yes", "Models:RetrainAfterImport is 'yes'; expected true or false.")]
    [InlineData("Auth:Lockout:MaxFailedAttempts", "0", "Auth:Lockout:MaxFailedAttempts must be a whole number above 0.")]
    [InlineData("Auth:Lockout:Minutes", "ten", "Auth:Lockout:Minutes is 'ten'; expected a whole number.")]
    [InlineData("Auth:MinPasswordLength", "0", "Auth:MinPasswordLength must be a whole number above 0.")]
    [InlineData("Auth:SignInAttemptsPerMinute", "-1", "Auth:SignInAttemptsPerMinute must be a whole number above 0.")]
    [InlineData("Auth:Admin:UserName", "admin", "Auth:Admin:UserName and Auth:Admin:Password go together: set both (or neither, to use the setup page).")]
    [InlineData("Auth:Admin:Password", "a long password", "Auth:Admin:UserName and Auth:Admin:Password go together: set both (or neither, to use the setup page).")]
    [InlineData("Mail:Smtp:Port", "smtp", "Mail:Smtp:Port is 'smtp'; expected a whole number.")]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port must be a whole number between 1 and 65535.")]
    [InlineData("Mail:Smtp:Port", "", "Mail:Smtp:Port is empty; expected a whole number.")]
    [InlineData("Mail:Smtp:Port", "0", "Mail:Smtp:Port must be a whole number between 1 and 65535.")]
    [InlineData("Mail:Smtp:From", "dashboard at example.com", "Mail:Smtp:From is 'dashboard at example.com', which is not an e-mail address.")]
    [InlineData("Mail:Smtp:UserName", "mailer", "Mail:Smtp:UserName and Mail:Smtp:Password go together: set both or neither.")]
    [InlineData("Mail:PublicUrl", "dashboard.example.com", "Mail:PublicUrl is 'dashboard.example.com', which is not an absolute http(s) address such as https://dashboard.example.com/.")]
    [InlineData("Mail:DefaultTimeZone", "Mars/Olympus", "Mail:DefaultTimeZone is 'Mars/Olympus', which is not a time zone (an IANA id such as Europe/Berlin).")]
    [InlineData("Mail:MaxSendsPerUserPerHour", "0", "Mail:MaxSendsPerUserPerHour must be a whole number above 0.")]
    [InlineData("Mail:MaxSendsPerAddressPerHour", "-2", "Mail:MaxSendsPerAddressPerHour must be a whole number above 0.")]
    [InlineData("Mail:MaxSubscriptionsPerUser", "x", "Mail:MaxSubscriptionsPerUser is 'x'; expected a whole number.")]
    [InlineData("Security:AllowedOrigins", "https://dashboard.example.com/app", "Security:AllowedOrigins has 'https://dashboard.example.com/app', which is not an origin such as https://dashboard.example.com.")]
    public void AWrongValueIsOneSentenceNamingItsSetting(string key, string value, string expected)
    {
        Assert.Equal(expected, Assert.Single(Problems((key, value))));
    }

    [Theory]
    [InlineData("Store:Provider", "SQLITE")]
    [InlineData("Analytics:WeekStartsOn", "sunday")]
    [InlineData("Analytics:FrameMaxLines", "0")]
    [InlineData("Mail:Smtp:From", "Dashboard <dashboard@example.com>")]
    [InlineData("Mail:PublicUrl", "https://dashboard.example.com/")]
    [InlineData("Mail:DefaultTimeZone", "Europe/Berlin")]
    [InlineData("Security:AllowedOrigins", "https://dashboard.example.com, http://10.0.0.5:8080")]
    [InlineData("StatusGroups:Shipped - Lost in Transit", "lost")]
    public void ARightValuePasses(string key, string value)
    {
        Assert.Empty(Problems((key, value)));
    }

    [Fact]
    public void ValuesThatGoTogetherPassTogetherAndTheFirstAdminsPasswordIsAsLongAsAnyOther()
    {
        Assert.Empty(Problems(("Mail:Smtp:UserName", "mailer"), ("Mail:Smtp:Password", "secret"),
            ("Auth:Admin:UserName", "admin"), ("Auth:Admin:Password", "a long password")));
        Assert.Equal("Auth:Admin:Password is shorter than Auth:MinPasswordLength (20 characters).", Assert.Single(Problems(
            ("Auth:Admin:UserName", "admin"), ("Auth:Admin:Password", "a long password"), ("Auth:MinPasswordLength", "20"))));
    }

    [Fact]
    public void ConnectionStringsAreReadByTheChosenProvider()
    {
        Assert.StartsWith("ConnectionStrings:Dashboard is not a Sqlite connection string: ",
            Assert.Single(Problems(("ConnectionStrings:Dashboard", "Host=db;Username=dashboard"))));
        Assert.Empty(Problems(("Store:Provider", "PostgreSQL"), ("ConnectionStrings:Dashboard", "Host=db;Username=dashboard;Password=x")));
    }

    /// <summary>The health and metrics sections are checked with the others (and shown by <c>check-config</c>).</summary>
    [Theory]
    [InlineData("Metrics:AllowedNetworks:0", "everyone", "Metrics:AllowedNetworks:0 is 'everyone';")]
    [InlineData("Health:DrainSeconds", "600", "Health:DrainSeconds is 600;")]
    public void AWrongMetricsOrHealthSettingIsOneSentenceNamingIt(string key, string value, string reason)
    {
        Assert.Contains(Problems((key, value)), p => p.StartsWith(reason, StringComparison.Ordinal));
        Assert.Empty(Problems());
    }

    /// <summary>A list's items are checked and shown one by one; the empty value a host gives the list's own key is no value.</summary>
    [Fact]
    public void AListIsCheckedAndShownByItsItems()
    {
        Assert.Empty(Problems(("Metrics:AllowedNetworks", ""), ("Metrics:AllowedNetworks:0", "10.1.0.0/16")));
        using var services = Services(("Metrics:AllowedNetworks:0", "10.1.0.0/16"), ("Metrics:AllowedNetworks:1", "192.168.0.0/24"));
        var shown = SettingsView.Of(services).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("10.1.0.0/16", shown["Metrics:AllowedNetworks:0"]);
        Assert.Equal("192.168.0.0/24", shown["Metrics:AllowedNetworks:1"]);
    }

    [Fact]
    public void EveryWrongValueIsReportedAtOnceAndTheStartStops()
    {
        using var services = Services(("Mail:Smtp:Port", "0"), ("Downloads:MaxParallel", "x"), ("Analytics:WeekStartsOn", "Funday"));

        var stopped = Assert.Throws<SettingsException>(services.CheckSettings);

        Assert.Equal(3, stopped.Problems.Count);
        Assert.Equal(string.Join(" ", stopped.Problems), Dashboard.Web.StartupErrors.Describe(stopped));
    }

    [Fact]
    public void TheEffectiveSettingsAreShownWithSecretsMasked()
    {
        using var services = Services(("ConnectionStrings:Dashboard", "Data Source=x.db;Password=cs-secret"),
            ("Mail:Smtp:UserName", "mailer"), ("Mail:Smtp:Password", "smtp-secret"), ("Auth:Admin:UserName", "admin"), ("Auth:Admin:Password", "admin-secret"));

        var shown = SettingsView.Of(services).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("***", shown["Mail:Smtp:Password"]);
        Assert.Equal("***", shown["Auth:Admin:Password"]);
        Assert.Equal("mailer", shown["Mail:Smtp:UserName"]);
        Assert.Equal("data source=x.db;password=***", shown["ConnectionStrings:Dashboard"]);
        Assert.Equal(587, shown["Mail:Smtp:Port"]);
        Assert.Equal("Monday", shown["Analytics:WeekStartsOn"]);
    }

    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] values)
    {
        using var services = Services(values);
        return SettingsException.Find(services);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] values)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = "Data Source=dashboard.db" };
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        services.AddDashboardWebSettings();
        return services.BuildServiceProvider();
    }

    private static string WebExecutable() => Support.WebExecutable.Path;
}
