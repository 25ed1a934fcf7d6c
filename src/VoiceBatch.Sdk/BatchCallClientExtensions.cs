namespace VoiceBatch;

/// <summary>Conveniences over <see cref="IBatchCallClient"/> (extension methods, so custom clients get them too).</summary>
public static class BatchCallClientExtensions
{
    /// <summary>Reads one batch, naming the provider by its string id (e.g. from configuration).</summary>
    /// <param name="client">The client.</param>
    /// <param name="providerName">The provider's id, e.g. <c>"bolna"</c> (case-insensitive).</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The batch.</returns>
    public static Task<BatchCall> GetBatchAsync(this IBatchCallClient client, string providerName, string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetBatchAsync(new ProviderId(providerName), batchId, cancellationToken);
    }

    /// <summary>Reads every call of a batch into a list (for small batches; prefer streaming with <see cref="IBatchCallClient.GetCallsAsync"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The vendor.</param>
    /// <param name="batchId">The vendor's batch id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>Every call.</returns>
    public static async Task<IReadOnlyList<CallRecord>> GetAllCallsAsync(this IBatchCallClient client, ProviderId provider, string batchId, CallQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var calls = new List<CallRecord>();
        await foreach (var call in client.GetCallsAsync(provider, batchId, query, cancellationToken).ConfigureAwait(false))
        {
            calls.Add(call);
        }

        return calls;
    }
}
