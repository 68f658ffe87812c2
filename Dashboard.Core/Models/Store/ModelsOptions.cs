namespace Dashboard.Core.Models.Store;

/// <summary>The <c>Models</c> section of appsettings.json.</summary>
public sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>Train in the background after every import (a change of the stored data). Default: false.</summary>
    public bool RetrainAfterImport { get; set; }

    /// <summary>On a start with data but no stored model (e.g. the first start with sample data), train once in the background. Default: true.</summary>
    public bool TrainOnFirstStart { get; set; } = true;
}
