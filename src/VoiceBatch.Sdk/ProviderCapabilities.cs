namespace VoiceBatch;

/// <summary>
/// What a provider can do. <see cref="IBatchCallClient"/> checks this BEFORE sending anything: an operation
/// reported as unsupported throws <see cref="VoiceBatchNotSupportedException"/> without a request.
/// </summary>
/// <example>
/// <code>
/// new ProviderCapabilities { Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.GetCalls }
/// </code>
/// </example>
public sealed record ProviderCapabilities
{
    /// <summary>Every supported operation, as one flags value (default: <see cref="BatchOperation.Get"/> only).</summary>
    public BatchOperation Operations { get; init; } = BatchOperation.Get;

    /// <summary>Can read one batch.</summary>
    public bool CanGet => Supports(BatchOperation.Get);

    /// <summary>Can create (launch) a batch from a contact list.</summary>
    public bool CanCreate => Supports(BatchOperation.Create);

    /// <summary>Can list batches.</summary>
    public bool CanList => Supports(BatchOperation.List);

    /// <summary>Can stream every call of a batch.</summary>
    public bool CanGetCalls => Supports(BatchOperation.GetCalls);

    /// <summary>Can cancel (stop) a batch.</summary>
    public bool CanCancel => Supports(BatchOperation.Cancel);

    /// <summary>Can pause a running batch.</summary>
    public bool CanPause => Supports(BatchOperation.Pause);

    /// <summary>Can resume a paused batch.</summary>
    public bool CanResume => Supports(BatchOperation.Resume);

    /// <summary>Can re-call a batch's failed and unanswered contacts.</summary>
    public bool CanRetry => Supports(BatchOperation.Retry);

    /// <summary>Can (re)schedule an existing batch.</summary>
    public bool CanSchedule => Supports(BatchOperation.Schedule);

    /// <summary>True when <see cref="IBatchCallClient.ListBatchesAsync"/> needs <see cref="BatchQuery.AgentId"/>.</summary>
    public bool ListRequiresAgentId { get; init; }

    /// <summary>How the vendor pages batch lists.</summary>
    public PagingKind ListPaging { get; init; } = PagingKind.None;

    /// <summary>How the vendor pages call records.</summary>
    public PagingKind CallsPaging { get; init; } = PagingKind.None;

    /// <summary>True when <see cref="BatchCall.Calls"/> already holds every call of the batch.</summary>
    public bool CallsInline { get; init; }

    /// <summary>The largest contact file the vendor accepts, in bytes, if it states one.</summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>The most contacts one batch may hold, if the vendor states a limit.</summary>
    public int? MaxContacts { get; init; }

    /// <summary>True when every operation in <paramref name="operation"/> is supported.</summary>
    /// <param name="operation">One operation (or several, combined).</param>
    /// <returns>Whether the provider supports it.</returns>
    public bool Supports(BatchOperation operation) => operation != BatchOperation.None && (Operations & operation) == operation;

    /// <summary>Returns a copy with <paramref name="operations"/> switched off (e.g. endpoints an account lacks).</summary>
    /// <param name="operations">The operations to switch off.</param>
    /// <returns>The reduced capabilities.</returns>
    public ProviderCapabilities Without(IEnumerable<BatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var remaining = Operations;
        foreach (var operation in operations) remaining &= ~operation;
        return this with { Operations = remaining };
    }
}
