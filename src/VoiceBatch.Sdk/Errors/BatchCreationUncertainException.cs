namespace VoiceBatch;

/// <summary>
/// A create request was sent, but its outcome is unknown (a timeout, a dropped connection or a 5xx after sending).
/// The batch MAY exist and may already be phoning people. The SDK never re-sends a create by itself — the vendors
/// offer no idempotency keys, so a second request could phone everyone twice. Look for <see cref="BatchName"/> among the
/// provider's batches (<see cref="IBatchCallClient.ListBatchesAsync"/> where the vendor can list them, else its dashboard)
/// before creating again.
/// </summary>
public sealed class BatchCreationUncertainException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="batchName">The name sent with the create, to look for when reconciling.</param>
    /// <param name="statusCode">The HTTP status, when a 5xx arrived.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">What interrupted the create.</param>
    public BatchCreationUncertainException(ProviderId provider, string? batchName, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(
            $"The create request to '{provider}' was sent but its outcome is unknown{(statusCode is { } s ? $" (HTTP {s})" : string.Empty)}; the batch may exist and may already be calling. "
            + $"It was NOT re-sent. Look for {(batchName is null ? "the batch" : $"a batch named '{batchName}'")} with ListBatchesAsync where '{provider}' can list batches, "
            + "else in the vendor's dashboard, before creating it again.",
            provider, statusCode, null, requestId, innerException)
    {
        BatchName = batchName;
    }

    /// <summary>The name sent with the create (null when none was given).</summary>
    public string? BatchName { get; }
}
