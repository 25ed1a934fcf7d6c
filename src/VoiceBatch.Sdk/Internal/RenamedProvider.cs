namespace VoiceBatch.Internal;

/// <summary>Serves a provider under the id it was registered with, when its own <see cref="IBatchCallProvider.Id"/> differs.</summary>
internal sealed class RenamedProvider(ProviderId id, IBatchCallProvider inner) : IBatchCallProvider
{
    public ProviderId Id => id;

    public ProviderCapabilities Capabilities => inner.Capabilities;

    public Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken) => inner.GetBatchAsync(batchId, cancellationToken);

    public Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken) => inner.CreateBatchAsync(request, cancellationToken);

    public IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, CancellationToken cancellationToken) => inner.GetCallsAsync(batchId, query, cancellationToken);

    public IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, CancellationToken cancellationToken) => inner.ListBatchesAsync(query, cancellationToken);

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken) => inner.CancelBatchAsync(batchId, cancellationToken);

    public Task<BatchCall> PauseBatchAsync(string batchId, CancellationToken cancellationToken) => inner.PauseBatchAsync(batchId, cancellationToken);

    public Task<BatchCall> ResumeBatchAsync(string batchId, CancellationToken cancellationToken) => inner.ResumeBatchAsync(batchId, cancellationToken);

    public Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken) => inner.RetryBatchAsync(batchId, cancellationToken);

    public Task<BatchCall> ScheduleBatchAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken) => inner.ScheduleBatchAsync(batchId, at, cancellationToken);
}
