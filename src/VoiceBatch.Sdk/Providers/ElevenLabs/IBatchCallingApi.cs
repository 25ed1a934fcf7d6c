using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.ElevenLabs;

/// <summary>
/// The ElevenLabs batch-calling dialect, spoken by ElevenLabs under <c>/v1/convai</c> and by VoiceAI (ThreeTone) under
/// <c>/v1/voiceai</c>: the routes are relative to the dialect's prefix, which the registration puts in the client's base
/// address (<see cref="BatchCallingDialect.PathPrefix"/>). Sources: ElevenLabs' SDKs (<c>elevenlabs/elevenlabs-python</c>
/// <c>src/elevenlabs/conversational_ai/batch_calls/raw_client.py</c>; <c>elevenlabs/elevenlabs-js</c>
/// <c>tests/wire/conversationalAi/batchCalls.test.ts</c>) and ThreeTone's pages (docs.threetone.in: get, list, submit, retry).
/// Every route's only documented error is 422 (FastAPI <c>{"detail":[{loc, msg, type}]}</c>).
/// </summary>
internal interface IBatchCallingApi
{
    /// <summary><c>GET {prefix}/batch-calling/{batch_id}</c> → <c>BatchCallDetailedResponse</c> (every recipient inline).</summary>
    [Get("/batch-calling/{batchId}")]
    Task<Wire<ElevenLabsBatch>> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>POST {prefix}/batch-calling/submit</c> (JSON) → <c>BatchCallResponse</c>. Sent once: there is no idempotency
    /// key (ElevenLabs' own SDK retries it; the SDK here never does).</summary>
    [Post("/batch-calling/submit")]
    [SendOnce]
    Task<Wire<ElevenLabsBatch>> SubmitBatchAsync([Body] ElevenLabsSubmit body, CancellationToken cancellationToken);

    /// <summary><c>GET {prefix}/batch-calling/workspace?limit&amp;last_doc&amp;agent_id</c> → <c>{batch_calls[], next_doc, has_more}</c>.</summary>
    [Get("/batch-calling/workspace")]
    Task<Wire<ElevenLabsBatchList>> ListBatchesAsync(
        [AliasAs("limit")] int? limit,
        [AliasAs("last_doc")] string? lastDoc,
        [AliasAs("agent_id")] string? agentId,
        [Query] IDictionary<string, string>? additionalParameters,
        CancellationToken cancellationToken);

    /// <summary><c>POST {prefix}/batch-calling/{id}/cancel</c> (no body): "set all recipients to cancelled status" — repeating it
    /// changes nothing, so it may be retried.</summary>
    [Post("/batch-calling/{batchId}/cancel")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    [StatusMeans(422, StatusMeaning.InvalidState)]
    Task<Wire<ElevenLabsBatch>> CancelBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary><c>POST {prefix}/batch-calling/{id}/retry</c> (no body): "calling failed and no-response recipients again".
    /// Sent once — a repeat could call them twice.</summary>
    [Post("/batch-calling/{batchId}/retry")]
    [SendOnce]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    [StatusMeans(422, StatusMeaning.InvalidState)]
    Task<Wire<ElevenLabsBatch>> RetryBatchAsync(string batchId, CancellationToken cancellationToken);
}
