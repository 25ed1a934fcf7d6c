namespace VoiceBatch;

/// <summary>Filters for <see cref="IBatchCallClient.GetCallsAsync"/>. The SDK copies it; it never changes yours.</summary>
public sealed class CallQuery
{
    /// <summary>Only calls in this canonical status (sent to the vendor where it can filter, else filtered locally).</summary>
    public CallStatus? Status { get; init; }

    /// <summary>Free-text search, where the vendor supports it (batch-details).</summary>
    public string? Search { get; init; }

    /// <summary>The vendor field to sort by, where the vendor supports sorting.</summary>
    public string? SortBy { get; init; }

    /// <summary>Sort descending instead of ascending.</summary>
    public bool Descending { get; init; }

    /// <summary>Records per page requested from the vendor (the SDK still pages through everything).</summary>
    public int? PageSize { get; init; }

    /// <summary>Vendor-specific query parameters, sent as given.</summary>
    public IDictionary<string, string> AdditionalParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
