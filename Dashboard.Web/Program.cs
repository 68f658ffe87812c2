using Dashboard.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDashboardWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseDashboardWeb();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
