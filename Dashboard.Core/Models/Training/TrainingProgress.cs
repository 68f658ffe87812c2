namespace Dashboard.Core.Models.Training;

/// <summary>A step of a long training run: <see cref="Fraction"/> runs from 0 to 1 within the whole run.</summary>
public sealed record TrainingProgress(string Stage, double Fraction);
