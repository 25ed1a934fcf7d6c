using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Synthflow;

/// <summary>
/// Synthflow's batch-calls API (docs.synthflow.ai <c>api-reference/platform-api/batch-calls/*.md</c>, read 2026 through the
/// docs search store; OpenAPI 3.1). The routes are relative to the <c>/v2</c> prefix, which the registration puts in the
/// client's base address. Every answer is <c>{status, response}</c>, read by the shared pipeline (capped, parsed once,
/// Raw kept); each route declares its own retry and error semantics. Documented errors: 400, 401, 404 (pause, resume,
/// cancel); 401, 404 (recipients); bodies <c>{"detail": {status, description, request_id, category}}</c> (old OpenAPI).
/// </summary>
internal interface ISynthflowApi
{
    /// <summary><c>GET /v2/calls/batch/{batch_call_id}</c> ("Get a batch call"): the batch object.</summary>
    [Get("/calls/batch/{batchCallId}")]
    Task<Wire<SynthflowAnswer<SynthflowBatch>>> GetBatchAsync(string batchCallId, CancellationToken cancellationToken);

    /// <summary><c>POST /v2/calls/batch</c> (JSON): creates a batch — sent once. A task <c>id</c> deduplicates only within an
    /// EXISTING batch ("Recipients re-sent with an id that already exists in the batch are skipped"), so a repeated FIRST
    /// create could make a second batch. A 404 here is an unknown agent or number, not a missing batch.</summary>
    [Post("/calls/batch")]
    [SendOnce]
    [StatusMeans(404, StatusMeaning.Refused, Advice = "Synthflow did not find the agent (model_id) or the caller number; nothing was created.")]
    Task<Wire<SynthflowAnswer<SynthflowBatch>>> CreateBatchAsync([Body] SynthflowCreate body, CancellationToken cancellationToken);

    /// <summary><c>GET /v2/calls/batch?limit&amp;offset</c> ("List batch calls", newest first; <c>limit</c> 1–100, default 20).</summary>
    [Get("/calls/batch")]
    Task<Wire<SynthflowAnswer<SynthflowBatchPage>>> ListBatchesAsync(
        int limit,
        int offset,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary><c>GET /v2/calls/batch/{batch_call_id}/tasks?limit&amp;offset&amp;status</c> ("List batch call recipients", in the
    /// order they were added; <c>limit</c> 1–100; <c>status</c> ∈ pending, claimed, dispatched, failed, canceled).</summary>
    [Get("/calls/batch/{batchCallId}/tasks")]
    Task<Wire<SynthflowAnswer<SynthflowTaskPage>>> ListTasksAsync(
        string batchCallId,
        int limit,
        int offset,
        string? status,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary><c>POST /v2/calls/batch/{id}/pause</c> (no body): "Only scheduled batches can be paused"; a 400 is the wrong state.
    /// Pausing twice leaves the batch paused, so it may be retried.</summary>
    [Post("/calls/batch/{batchCallId}/pause")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    Task<Wire<SynthflowAnswer<SynthflowBatch>>> PauseBatchAsync(string batchCallId, CancellationToken cancellationToken);

    /// <summary><c>POST /v2/calls/batch/{id}/resume</c> (no body): "Resumes a paused batch"; a 400 is the wrong state.</summary>
    [Post("/calls/batch/{batchCallId}/resume")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    Task<Wire<SynthflowAnswer<SynthflowBatch>>> ResumeBatchAsync(string batchCallId, CancellationToken cancellationToken);

    /// <summary><c>POST /v2/calls/batch/{id}/cancel</c> (no body): "Permanently stops the batch" — repeating it changes nothing,
    /// so it may be retried; a 400 is the wrong state (e.g. already finished).</summary>
    [Post("/calls/batch/{batchCallId}/cancel")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    Task<Wire<SynthflowAnswer<SynthflowBatch>>> CancelBatchAsync(string batchCallId, CancellationToken cancellationToken);
}
