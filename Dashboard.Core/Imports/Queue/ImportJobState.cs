namespace Dashboard.Core.Imports.Queue;

public enum ImportJobState { Queued, Running, Finished }
