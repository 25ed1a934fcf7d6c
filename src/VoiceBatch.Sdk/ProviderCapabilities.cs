namespace VoiceBatch;

/// <summary>
/// What a provider can do. <see cref="IBatchCallClient"/> checks this BEFORE sending anything: an operation
/// reported as unsupported throws <see cref="VoiceBatchNotSupportedException"/> without a request.
/// </summary>
public sealed record ProviderCapabilities
{
    /// <summary>Can read one batch.</summary>
    public bool CanGet { get; init; } = true;

    /// <summary>Can create (launch) a batch from a contact list.</summary>
    public bool CanCreate { get; init; }

    /// <summary>Can list batches.</summary>
    public bool CanList { get; init; }

    /// <summary>Can stream every call of a batch.</summary>
    public bool CanGetCalls { get; init; }

    /// <summary>Can cancel (stop) a batch.</summary>
    public bool CanCancel { get; init; }

    /// <summary>Can pause a running batch.</summary>
    public bool CanPause { get; init; }

    /// <summary>Can resume a paused batch.</summary>
    public bool CanResume { get; init; }

    /// <summary>Can re-call a batch's failed and unanswered contacts.</summary>
    public bool CanRetry { get; init; }

    /// <summary>Can (re)schedule an existing batch.</summary>
    public bool CanSchedule { get; init; }

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

    /// <summary>True when <paramref name="operation"/> is supported.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>Whether the provider supports it.</returns>
    public bool Supports(BatchOperation operation) => operation switch
    {
        BatchOperation.Get => CanGet,
        BatchOperation.Create => CanCreate,
        BatchOperation.List => CanList,
        BatchOperation.GetCalls => CanGetCalls,
        BatchOperation.Cancel => CanCancel,
        BatchOperation.Pause => CanPause,
        BatchOperation.Resume => CanResume,
        BatchOperation.Retry => CanRetry,
        BatchOperation.Schedule => CanSchedule,
        _ => false,
    };

    /// <summary>Returns a copy with <paramref name="operations"/> switched off (e.g. inferred endpoints an account lacks).</summary>
    /// <param name="operations">The operations to switch off.</param>
    /// <returns>The reduced capabilities.</returns>
    public ProviderCapabilities Without(IEnumerable<BatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var result = this;
        foreach (var op in operations)
        {
            result = op switch
            {
                BatchOperation.Get => result with { CanGet = false },
                BatchOperation.Create => result with { CanCreate = false },
                BatchOperation.List => result with { CanList = false },
                BatchOperation.GetCalls => result with { CanGetCalls = false },
                BatchOperation.Cancel => result with { CanCancel = false },
                BatchOperation.Pause => result with { CanPause = false },
                BatchOperation.Resume => result with { CanResume = false },
                BatchOperation.Retry => result with { CanRetry = false },
                BatchOperation.Schedule => result with { CanSchedule = false },
                _ => result,
            };
        }

        return result;
    }
}
