
namespace Dashboard.Core.Models.Training;

/// <summary>What a prediction engine hands back: the model's score (link scale before calibration), the calibrated
/// probability of a classifier, and the feature vector the trainer read (for the explanations).</summary>
internal sealed class MlOutput
{
    public float Score;
    public float Probability;
    public float[] Features = [];
}
