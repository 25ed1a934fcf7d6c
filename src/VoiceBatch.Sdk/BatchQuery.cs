namespace VoiceBatch;

/// <summary>Filters for <see cref="IBatchCallClient.ListBatchesAsync"/>. The SDK copies it; it never changes yours.</summary>
public sealed class BatchQuery
{
    /// <summary>Only batches of this agent. Required by vendors that list per agent (Bolna; see
    /// <see cref="ProviderCapabilities.ListRequiresAgentId"/>).</summary>
    public string? AgentId { get; init; }

    /// <summary>Only batches in this canonical status (sent to the vendor where it can filter, else filtered locally).</summary>
    public BatchStatus? Status { get; init; }

    /// <summary>Items per page requested from the vendor (the SDK still pages through everything).</summary>
    public int? PageSize { get; init; }

    /// <summary>Vendor-specific query parameters, sent as given.</summary>
    public IDictionary<string, string> AdditionalParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
