namespace VoiceBatch;

/// <summary>
/// Runs batch-call campaigns on any registered vendor through one canonical model. Thread-safe; register it once
/// (<c>services.AddVoiceBatch()</c>) or create one with <see cref="VoiceBatchClient.Create(Action{VoiceBatchBuilder})"/>. Every operation checks
/// <see cref="GetCapabilities"/> first: an unsupported one throws <see cref="VoiceBatchNotSupportedException"/>
/// without sending anything.
/// </summary>
public interface IBatchCallClient
{
    /// <summary>Reads one batch with its canonical status and whole-batch counters.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="BatchNotFoundException">The vendor does not know the batch.</exception>
    /// <exception cref="VoiceBatchException">Any other failure (see the derived types).</exception>
    Task<BatchCall> GetBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (launches) a batch. The request is validated first and nothing is sent if it is invalid. The create
    /// is sent exactly once: when its outcome is unknown, <see cref="BatchCreationUncertainException"/> is thrown
    /// and nothing is re-sent.
    /// </summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="request">What to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created batch.</returns>
    /// <exception cref="ContactValidationException">Row errors (local, or reported by the vendor).</exception>
    /// <exception cref="BatchCreationUncertainException">Sent, but the outcome is unknown.</exception>
    Task<BatchCall> CreateBatchAsync(ProviderId provider, CreateBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Streams every call of a batch, fetching pages lazily as you enumerate.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="query">Optional filters; never modified.</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>The calls.</returns>
    IAsyncEnumerable<CallRecord> GetCallsAsync(ProviderId provider, string batchId, CallQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Streams batches, fetching pages lazily as you enumerate.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="query">Optional filters; never modified.</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>The batches.</returns>
    IAsyncEnumerable<BatchCall> ListBatchesAsync(ProviderId provider, BatchQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels (stops) a batch.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    /// <exception cref="VoiceBatchInvalidStateException">The batch cannot be cancelled in its current state.</exception>
    Task<BatchCall> CancelBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Pauses a running batch.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> PauseBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused batch.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> ResumeBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Re-calls the batch's failed and unanswered contacts. Sent once; never retried automatically.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> RetryBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Schedules a batch to start at <paramref name="at"/>.</summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="at">When to start; the vendor may impose a minimum lead time.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch after the action.</returns>
    Task<BatchCall> ScheduleBatchAsync(ProviderId provider, string batchId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a batch until it is terminal (<see cref="BatchCall.IsTerminal"/>) and returns it. Works from any
    /// process, by id. Reports through <paramref name="progress"/> only when the status or counters change; the
    /// interval grows gently while nothing changes; transient read failures between polls are tolerated up to a limit.
    /// </summary>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="progress">Receives the batch whenever its status or counters change.</param>
    /// <param name="pollInterval">The first interval between polls (default 5 seconds).</param>
    /// <param name="cancellationToken">Stops waiting immediately.</param>
    /// <returns>The terminal batch.</returns>
    Task<BatchCall> WaitForCompletionAsync(ProviderId provider, string batchId, IProgress<BatchCall>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default);

    /// <summary>What a provider supports. Throws <see cref="VoiceBatchException"/> when it is not registered.</summary>
    /// <param name="provider">The vendor.</param>
    /// <returns>Its capabilities.</returns>
    ProviderCapabilities GetCapabilities(ProviderId provider);
}
