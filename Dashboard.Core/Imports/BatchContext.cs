namespace Dashboard.Core.Imports;

/// <summary>What a store's writer needs to know of the batch it writes: where to count, whether the rows are the sample data
/// (a real file's batch first removes the sample's rows), and the batch's id that every written row carries.</summary>
internal sealed record BatchContext(BatchCounts Counts, bool IsSample, long Id);
