using Refit;
using VoiceBatch.Http;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna's batch API (seed 003 and Bolna's public OpenAPI). Bodies are read by <see cref="WireResponse"/>.
/// Create is never marked idempotent (sent once); schedule and stop are (see <see cref="BolnaAdapter"/>).
/// </summary>
internal interface IBolnaApi
{
    [Get("/batches/{batchId}")]
    Task<HttpResponseMessage> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>POST /batches</c>, multipart built by <see cref="BolnaCreateForm.Create"/>: <c>agent_id</c>, <c>file</c>,
    /// repeated <c>from_phone_numbers</c>, <c>retry_config</c>.</summary>
    [Post("/batches")]
    Task<HttpResponseMessage> CreateBatchAsync([Body] HttpContent form, CancellationToken cancellationToken);

    /// <summary><c>POST /batches/{id}/schedule</c>, multipart <c>scheduled_at</c> (ISO-8601, numeric offset) built by
    /// <see cref="BolnaCreateForm.Schedule"/>.</summary>
    [Post("/batches/{batchId}/schedule")]
    Task<HttpResponseMessage> ScheduleBatchAsync(
        string batchId,
        [Body] HttpContent form,
        [Property(RequestIntent.IdempotentKey)] bool idempotent,
        CancellationToken cancellationToken);

    [Post("/batches/{batchId}/stop")]
    Task<HttpResponseMessage> StopBatchAsync(string batchId, [Property(RequestIntent.IdempotentKey)] bool idempotent, CancellationToken cancellationToken);

    [Get("/batches/{agentId}/all")]
    Task<HttpResponseMessage> ListBatchesAsync(string agentId, [Query] IDictionary<string, string>? extra, CancellationToken cancellationToken);

    [Get("/v2/batches/{batchId}/executions")]
    Task<HttpResponseMessage> GetExecutionsAsync(
        string batchId,
        [AliasAs("page_number")] int pageNumber,
        [AliasAs("page_size")] int pageSize,
        [Query] IDictionary<string, string>? extra,
        CancellationToken cancellationToken);

    /// <summary>The older route (the only executions route in Bolna's OpenAPI); used when the v2 route answers 404.</summary>
    [Get("/batches/{batchId}/executions")]
    Task<HttpResponseMessage> GetLegacyExecutionsAsync(
        string batchId,
        [AliasAs("page_number")] int pageNumber,
        [AliasAs("page_size")] int pageSize,
        [Query] IDictionary<string, string>? extra,
        CancellationToken cancellationToken);
}
