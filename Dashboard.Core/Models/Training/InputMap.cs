using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>Which form input each feature column belongs to, worked out once per model.</summary>
internal sealed class InputMap
{
    private readonly string[] _inputs;
    private readonly int[] _inputOfFeature;

    public InputMap(FeatureSchema schema, Func<string, string> inputOf)
    {
        var names = schema.Features.Select(f => inputOf(f.Name)).ToArray();
        _inputs = names.Distinct().ToArray();
        _inputOfFeature = names.Select(n => Array.IndexOf(_inputs, n)).ToArray();
    }

    public InputContribution[] Sum(Explanation explanation)
    {
        var sums = new double[_inputs.Length];
        for (var f = 0; f < _inputOfFeature.Length; f++)
            sums[_inputOfFeature[f]] += explanation.Contributions[f];
        var result = new InputContribution[_inputs.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = new InputContribution(_inputs[i], sums[i]);
        return result;
    }
}
