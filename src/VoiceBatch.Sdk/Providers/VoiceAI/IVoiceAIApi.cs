using Refit;
using VoiceBatch.Http;

namespace VoiceBatch.Providers.VoiceAI;

/// <summary>
/// VoiceAI's batch-calling API (seed 001 documents the GET; submit, list, cancel and retry are inferred from the
/// ElevenLabs batch-calling API it mirrors). Bodies are read by <see cref="WireResponse"/>.
/// </summary>
internal interface IVoiceAIApi
{
    [Get("/v1/voiceai/batch-calling/{batchId}")]
    Task<HttpResponseMessage> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Creates a batch. Never marked idempotent: the vendor has no idempotency key, a re-send could phone everyone twice.</summary>
    [Post("/v1/voiceai/batch-calling/submit")]
    Task<HttpResponseMessage> SubmitBatchAsync([Body] VoiceAISubmitDto body, CancellationToken cancellationToken);

    [Get("/v1/voiceai/batch-calling/workspace")]
    Task<HttpResponseMessage> ListBatchesAsync(
        [AliasAs("limit")] int? limit,
        [AliasAs("last_doc")] string? lastDoc,
        [AliasAs("agent_id")] string? agentId,
        [Query] IDictionary<string, string>? additionalParameters,
        CancellationToken cancellationToken);

    /// <summary>Cancels a batch: repeating it changes nothing, so the pipeline may retry it on a transient fault.</summary>
    [Post("/v1/voiceai/batch-calling/{batchId}/cancel")]
    Task<HttpResponseMessage> CancelBatchAsync(string batchId, [Property(RequestIntent.IdempotentKey)] bool idempotent, CancellationToken cancellationToken);

    /// <summary>Re-calls failed and unanswered recipients. Never marked idempotent: a repeat could call them twice.</summary>
    [Post("/v1/voiceai/batch-calling/{batchId}/retry")]
    Task<HttpResponseMessage> RetryBatchAsync(string batchId, CancellationToken cancellationToken);
}
