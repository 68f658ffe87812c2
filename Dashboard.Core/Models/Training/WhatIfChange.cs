
namespace Dashboard.Core.Models.Training;

/// <summary>One change to a what-if form and the cancellation risk it leads to.</summary>
public sealed record WhatIfChange(string Input, string Value, double Probability, double Change);
