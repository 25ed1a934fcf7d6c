namespace VoiceBatch;

/// <summary>
/// One vendor behind <see cref="IBatchCallClient"/>. The four built-in adapters implement it; an application can
/// implement it for a vendor of its own and register it with <c>VoiceBatchBuilder.AddProvider</c>.
/// </summary>
/// <remarks>
/// The client consults <see cref="Capabilities"/> before every call and never calls a member the provider reports
/// as unsupported, so an implementation may leave those members to their default (which throws
/// <see cref="VoiceBatchNotSupportedException"/>). Implementations must be thread-safe. Return canonical objects;
/// the client fills in <see cref="BatchCall.Provider"/> if an implementation leaves it different.
/// </remarks>
public interface IBatchCallProvider
{
    /// <summary>The provider's id.</summary>
    ProviderId Id { get; }

    /// <summary>What the provider supports (after any operations switched off in its options).</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Reads one batch with whole-batch counters.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch.</returns>
    Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Creates a batch. Called once; never retried by the SDK.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="cancellationToken">Cancels the request (an already-sent create may still take effect).</param>
    /// <returns>The created batch.</returns>
    Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Create);

    /// <summary>Streams every call of a batch, page by page.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="query">Filters (already copied by the client).</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>The calls.</returns>
    IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.GetCalls);

    /// <summary>Streams batches, page by page.</summary>
    /// <param name="query">Filters (already copied by the client).</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>The batches.</returns>
    IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.List);

    /// <summary>Cancels (stops) a batch.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Cancel);

    /// <summary>Pauses a batch.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> PauseBatchAsync(string batchId, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Pause);

    /// <summary>Resumes a paused batch.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> ResumeBatchAsync(string batchId, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Resume);

    /// <summary>Re-calls the failed and unanswered contacts of a batch. Never retried by the SDK.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Retry);

    /// <summary>Schedules a batch to start at <paramref name="at"/>.</summary>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="at">When to start.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> ScheduleBatchAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Schedule);
}
