using Refit;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>The batch-details endpoint (seed 002, the vendor's one documented route). Null query parameters are left out.</summary>
internal interface IBatchDetailsApi
{
    /// <summary><c>GET /api/call/batch-details/{id}?page&amp;limit&amp;filter&amp;sortBy&amp;sortOrder&amp;search</c> →
    /// <c>{message, status, code, errorMessage, data:{batchId, batchName, batchStatus, page, limit, total, totalPages, data[]}}</c>.</summary>
    [Get("/api/call/batch-details/{id}")]
    Task<Wire<BatchDetailsEnvelope>> GetBatchDetailsAsync(
        string id,
        int page,
        int limit,
        string? filter,
        string? sortBy,
        string? sortOrder,
        string? search,
        [Query] IDictionary<string, string>? extra,
        CancellationToken cancellationToken);

    /// <summary>The same route, for paging call records: the page's own JSON is not kept (each record keeps its own).</summary>
    [Get("/api/call/batch-details/{id}")]
    Task<BatchDetailsEnvelope> GetCallPageAsync(
        string id,
        int page,
        int limit,
        string? filter,
        string? sortBy,
        string? sortOrder,
        string? search,
        [Query] IDictionary<string, string>? extra,
        CancellationToken cancellationToken);
}
