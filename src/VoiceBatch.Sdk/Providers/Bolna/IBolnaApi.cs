using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna's batch API as it is documented today (bolna.ai/docs <c>api-reference/batches/*</c>, read 2026-12 through the
/// <c>bb3agency/calevate-site</c> mirror @ 5e18585, and <c>bolna-ai/skills</c> @ 28b24aa <c>references/openapi.yml</c>).
/// Every answer is read by the shared pipeline (capped, parsed once, Raw kept); each route declares its own retry
/// and error semantics.
/// </summary>
internal interface IBolnaApi
{
    /// <summary>One batch (seed 003; <c>api-reference/batches/get_batch</c>).</summary>
    [Get("/batches/{batchId}")]
    Task<Wire<BolnaBatch>> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>POST /batches</c>, multipart (<c>agent_id</c>, <c>file</c>, repeated <c>from_phone_numbers</c>,
    /// <c>retry_config</c>, <c>webhook_url</c>) → 201 (200 in older docs) <c>{batch_id, state:"created"}</c>. Sent once.</summary>
    [Post("/batches")]
    [SendOnce]
    Task<Wire<BolnaState>> CreateBatchAsync([Body] MultipartFormDataContent form, CancellationToken cancellationToken);

    /// <summary><c>POST /batches/{id}/schedule</c>, multipart <c>scheduled_at</c> (numeric offset). Setting the same start
    /// twice places no extra call, so it may be retried.</summary>
    [Post("/batches/{batchId}/schedule")]
    [Idempotent]
    Task<Wire<BolnaState>> ScheduleBatchAsync(string batchId, [Body] MultipartFormDataContent form, CancellationToken cancellationToken);

    /// <summary><c>POST /batches/{id}/stop</c> → <c>{message, state:"stopped"}</c>; 404 "Batch is not queued or running"
    /// is a batch in the wrong state, not a missing one (<c>api-reference/batches/stop</c>).</summary>
    [Post("/batches/{batchId}/stop")]
    [Idempotent]
    [StatusMeans(404, StatusMeaning.InvalidState, WhenBodySays = "not queued or running")]
    Task<Wire<BolnaState>> StopBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>An agent's batches: a bare array, unpaged (<c>api-reference/batches/get_batches</c>).</summary>
    [Get("/batches/{agentId}/all")]
    Task<List<Wire<BolnaBatch>>> ListBatchesAsync(string agentId, [Query] IDictionary<string, string>? extra, CancellationToken cancellationToken);

    /// <summary>A batch's executions (<c>api-reference/batches/executions</c>: a bare array). Bolna's own skill
    /// (<c>get-executions/scripts/fetch_executions_paginated.py</c>) pages this route with <c>page_number</c>/<c>page_size</c>
    /// and reads a <c>{data, has_more}</c> envelope: both forms are read.</summary>
    [Get("/batches/{batchId}/executions")]
    Task<Listing<Wire<BolnaExecution>, BolnaExecutionPage>> GetExecutionsAsync(
        string batchId,
        [AliasAs("page_number")] int pageNumber,
        [AliasAs("page_size")] int pageSize,
        [Query] IDictionary<string, string>? extra,
        CancellationToken cancellationToken);
}
