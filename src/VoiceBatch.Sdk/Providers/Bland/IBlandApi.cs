using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bland;

/// <summary>
/// Bland's batch API as docs.bland.ai documents it today (the "V1 API Reference" pages that document the <c>/v2/batches</c>
/// routes — api-v1/post/batches, api-v1/get/batches, api-v1/get/batches-id, api-v1/get/batches-id-logs — and the newer
/// api-v2/post/batches-id-stop and api-v2/post/batches-id-pause), plus the calls list (api-v1/get/calls). Every answer is
/// read by the shared pipeline (capped, parsed once, Raw kept); each route declares its own retry and error semantics.
/// Query values left null are not sent.
/// </summary>
internal interface IBlandApi
{
    /// <summary><c>POST /v2/batches/create</c> (JSON) → <c>{data: {batch_id}, errors}</c>. Sent once: Bland has no idempotency
    /// key for a batch. A 404 here names a pathway, persona or number Bland does not know, not a missing batch.</summary>
    [Post("/v2/batches/create")]
    [SendOnce]
    [StatusMeans(404, StatusMeaning.Refused, Advice = "Bland did not find something the batch names (its pathway, persona or caller number); nothing was created.")]
    Task<Wire<BlandCreateAnswer>> CreateBatchAsync([Body] BlandCreate body, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/batches/{batch_id}</c> → the batch's metadata; "This does not include logs".</summary>
    [Get("/v2/batches/{batchId}")]
    Task<Wire<BlandBatchAnswer>> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/batches/{batch_id}/logs?take&amp;skip&amp;direction</c> (direction <c>asc</c>|<c>desc</c>, default
    /// <c>desc</c>) → <c>{data: [{id, batch_id, org_id, event_type, timestamp, payload}], errors}</c>.</summary>
    [Get("/v2/batches/{batchId}/logs")]
    Task<Wire<BlandLogsAnswer>> GetLogsAsync(string batchId, int take, int skip, string direction, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/batches/list?take&amp;skip</c> → <c>{data: [batch…], errors}</c> ("Retrieve a list of all batches created
    /// by your organization"; api-v1/get/batches).</summary>
    [Get("/v2/batches/list")]
    Task<Wire<BlandBatchListAnswer>> ListBatchesAsync(int take, int skip, [Query] IDictionary<string, string>? additional, CancellationToken cancellationToken);

    /// <summary><c>POST /v2/batches/{batch_id}/stop</c> → <c>{data: null, errors: null}</c>; "calls that are already in progress will
    /// complete, but no new calls will be dispatched". Stopping twice leaves the same state, so it may be retried.</summary>
    [Post("/v2/batches/{batchId}/stop")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    Task<Wire<BlandActionAnswer>> StopBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>POST /v2/batches/{id}/pause</c> with <c>{"paused": true}</c> to pause or <c>{"paused": false}</c> to resume
    /// (api-v2/post/batches-id-pause; its answer is not published). Setting the same value twice leaves the same state.</summary>
    [Post("/v2/batches/{batchId}/pause")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    Task<Wire<BlandActionAnswer>> PauseBatchAsync(string batchId, [Body] BlandPause body, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/calls?batch_id&amp;from&amp;to&amp;limit&amp;ascending</c> → <c>{count, calls[]}</c>: calls by index range
    /// (<c>from</c> inclusive). The <c>batch_id</c> filter is not on Bland's page (cut short in every copy seen) but is in the
    /// third-party OpenAPI of <c>api-evangelist/bland-ai</c> (<c>openapi/bland-ai-openapi.yml</c> @ 616d115), and every call
    /// names its <c>batch_id</c>, so the adapter checks it.</summary>
    [Get("/v1/calls")]
    Task<Wire<BlandCallList>> ListCallsAsync(
        [AliasAs("batch_id")] string batchId,
        int from,
        int to,
        int limit,
        string ascending,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);
}
