using Refit;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>The batch-details endpoint (seed 002). Bodies are read by <see cref="Http.WireResponse"/>; null query
/// parameters are left out.</summary>
internal interface IBatchDetailsApi
{
    [Get("/api/call/batch-details/{id}")]
    Task<HttpResponseMessage> GetBatchDetailsAsync(
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
