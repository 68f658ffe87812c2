using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// One row as a single-request engine reads it (training and batches read <see cref="MlData"/>). The categorical features of a
/// <see cref="FeatureSchema"/> become key fields K0, K1, … (ML.NET reads a key field as its value + 1: <see cref="MlLayout.Row"/>
/// stores what makes it read the key <see cref="MlData"/> holds), the numeric ones one vector field. The keys come from our
/// <see cref="CategoryIndex"/> because ML.NET's <c>ValueToKey</c> has no minimum count (rare levels go to "(other)" here).
/// </summary>
internal sealed class MlRow
{
    public const int MaxCategorical = 12;

    public float Label;
    public bool Positive;
    public uint K0, K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11;
    public float[] Numeric = [];

    public void SetKey(int index, uint key)
    {
        switch (index)
        {
            case 0: K0 = key; break;
            case 1: K1 = key; break;
            case 2: K2 = key; break;
            case 3: K3 = key; break;
            case 4: K4 = key; break;
            case 5: K5 = key; break;
            case 6: K6 = key; break;
            case 7: K7 = key; break;
            case 8: K8 = key; break;
            case 9: K9 = key; break;
            case 10: K10 = key; break;
            case 11: K11 = key; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }
}
