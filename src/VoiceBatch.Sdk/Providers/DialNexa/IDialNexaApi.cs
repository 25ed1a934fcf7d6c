using Refit;
using VoiceBatch.Http;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>DialNexa's batch-call API (seeds 000/004 and DialNexa's public OpenAPI). Bodies are read by
/// <see cref="WireResponse"/>; query values left null are not sent.</summary>
internal interface IDialNexaApi
{
    /// <summary>One batch (seed 000), or, on newer accounts, the batch's call logs (<c>{callLogs[], total, …}</c>).</summary>
    [Get("/v1/batch-calls/{id}")]
    Task<HttpResponseMessage> GetBatchAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates a batch from a multipart form built by <see cref="DialNexaCreateForm"/> (seed 004). Never retried.</summary>
    [Post("/v1/batch-calls")]
    Task<HttpResponseMessage> CreateBatchAsync([Body] HttpContent form, CancellationToken cancellationToken);

    /// <summary>Lists batches, one numbered page.</summary>
    [Get("/v1/batch-calls")]
    Task<HttpResponseMessage> ListBatchesAsync(
        int page,
        int limit,
        string? status,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>The newer call-log route: a bare array of call logs of one batch.</summary>
    [Get("/v1/calls")]
    Task<HttpResponseMessage> ListCallsAsync(
        [AliasAs("batch_call_id")] string batchCallId,
        int page,
        int limit,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>The older call-log route, used when <see cref="ListCallsAsync"/> answers 404.</summary>
    [Get("/v1/call-logs")]
    Task<HttpResponseMessage> ListCallLogsAsync(
        [AliasAs("batch_id")] string batchId,
        int page,
        int limit,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>Pause, resume or cancel (<c>{"action": …}</c>). Marked idempotent: the pipeline may retry it on a transient fault.</summary>
    [Patch("/v1/batch-calls/{id}/status")]
    Task<HttpResponseMessage> ChangeStatusAsync(
        string id,
        [Body] DialNexaStatusActionDto body,
        [Property(RequestIntent.IdempotentKey)] bool idempotent,
        CancellationToken cancellationToken);
}
