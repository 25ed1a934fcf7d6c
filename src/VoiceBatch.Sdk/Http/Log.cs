using Microsoft.Extensions.Logging;

namespace VoiceBatch.Http;

/// <summary>
/// Every log line the SDK writes (source-generated, documented in the README's "Observability"): at most one
/// Information line per operation that changes something (create, cancel, pause, resume, retry, schedule), reads at
/// Debug, failures at Warning, details (retries) at Debug. Arguments are scrubbed: never a key, never a full number.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "ActionCompleted", Level = LogLevel.Information,
        Message = "VoiceBatch {Operation} on {Provider} succeeded for batch {BatchId} (status {Status}) in {ElapsedMs:0} ms")]
    public static partial void ActionCompleted(ILogger logger, string operation, string provider, string? batchId, BatchStatus status, double elapsedMs);

    [LoggerMessage(EventId = 1002, EventName = "ReadCompleted", Level = LogLevel.Debug,
        Message = "VoiceBatch {Operation} on {Provider} succeeded for batch {BatchId} in {ElapsedMs:0} ms")]
    public static partial void ReadCompleted(ILogger logger, string operation, string provider, string? batchId, double elapsedMs);

    [LoggerMessage(EventId = 1003, EventName = "OperationFailed", Level = LogLevel.Warning,
        Message = "VoiceBatch {Operation} on {Provider} failed for batch {BatchId} ({Outcome}, {ErrorType}): {Error}")]
    public static partial void OperationFailed(ILogger logger, string operation, string provider, string? batchId, string outcome, string errorType, string error);

    [LoggerMessage(EventId = 1004, EventName = "OutcomeUncertain", Level = LogLevel.Error,
        Message = "VoiceBatch {Operation} on {Provider} was sent but its outcome is unknown; it was NOT re-sent (batch name {BatchName}): {Error}")]
    public static partial void OutcomeUncertain(ILogger logger, string operation, string provider, string? batchName, string error);

    [LoggerMessage(EventId = 1101, EventName = "HttpRetry", Level = LogLevel.Debug,
        Message = "VoiceBatch retrying {Method} {Route} on {Provider} (attempt {Attempt}) in {Delay} after {Reason}")]
    public static partial void HttpRetry(ILogger logger, string provider, string? method, string? route, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1102, EventName = "PollFailed", Level = LogLevel.Warning,
        Message = "VoiceBatch polling batch {BatchId} on {Provider} failed ({Failures}/{Max}): {Error}; trying again")]
    public static partial void PollFailed(ILogger logger, string batchId, string provider, int failures, int max, string error);

    [LoggerMessage(EventId = 1103, EventName = "VendorWarning", Level = LogLevel.Warning,
        Message = "VoiceBatch: {Provider} accepted {Operation} with a warning: {Warning}")]
    public static partial void VendorWarning(ILogger logger, string provider, string operation, string warning);
}
