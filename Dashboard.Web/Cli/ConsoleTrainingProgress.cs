using Dashboard.Core.Models.Training;

namespace Dashboard.Web.Cli;

/// <summary>The <c>train</c> verb's progress on stderr, at most once a second per stage.</summary>
internal sealed class ConsoleTrainingProgress : IProgress<TrainingProgress>
{
    private DateTime _last = DateTime.MinValue;
    private string _stage = "";

    public void Report(TrainingProgress value)
    {
        if (value.Stage == _stage && DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
        {
            return;
        }
        _last = DateTime.UtcNow;
        _stage = value.Stage;
        Console.Error.WriteLine($"{value.Fraction * 100:F0}% {value.Stage}");
    }
}
