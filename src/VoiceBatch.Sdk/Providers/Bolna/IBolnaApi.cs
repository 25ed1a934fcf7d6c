using Refit;

namespace VoiceBatch.Providers.Bolna;

/// <summary>Bolna's batch API (seed 003 and Bolna's public OpenAPI). Bodies are read by <see cref="Http.WireResponse"/>.</summary>
internal interface IBolnaApi
{
    [Get("/batches/{batchId}")]
    Task<HttpResponseMessage> GetBatchAsync(string batchId, CancellationToken cancellationToken);
}
