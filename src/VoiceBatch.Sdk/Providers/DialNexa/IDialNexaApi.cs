using Refit;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// DialNexa's batch-call API in both documented generations: seeds 000/004 (the older docs site,
/// dialnexa.mintlify.app) and DialNexa's current OpenAPI (<c>api-evangelist/dialnexa</c> @ 0de572a,
/// <c>openapi/_original/dialnexa-openapi.json</c>, "OA" below). Query values left null are not sent.
/// </summary>
internal interface IDialNexaApi
{
    /// <summary>One batch (seed 000: a batch record; OA: the batch's call logs <c>{callLogs[], total, page, limit, totalPages}</c>,
    /// <c>limit</c> 1–200, default 20). OA's 400 "Invalid batch call ID format" is a batch that cannot exist.</summary>
    [Get("/v1/batch-calls/{id}")]
    [StatusMeans(400, StatusMeaning.NotFound, WhenBodySays = "Invalid batch call ID")]
    Task<Wire<DialNexaBatchAnswer>> GetBatchAsync(string id, int? limit, CancellationToken cancellationToken);

    /// <summary>Creates a batch (multipart; seed 004 and OA <c>/v1/batch-calls</c> post). Sent once. OA: 404 = the agent or its
    /// version is unknown (not a missing batch); 403 = the destination is not enabled for the workspace (not a bad key).</summary>
    [Post("/v1/batch-calls")]
    [SendOnce]
    [StatusMeans(404, StatusMeaning.Refused, Advice = "DialNexa did not find the agent or the agent version; nothing was created.")]
    [StatusMeans(403, StatusMeaning.Refused, WhenBodySays = "not enabled", Advice = "Enable the destination country or prefix in DialNexa's Workspace Settings > Telephony Config; nothing was created.")]
    Task<Wire<DialNexaBatch>> CreateBatchAsync([Body] MultipartFormDataContent form, CancellationToken cancellationToken);

    /// <summary>Lists batches, one numbered page: OA <c>{items[], total, page, limit}</c>; older docs <c>{data[], meta}</c> (limit ≤ 100).</summary>
    [Get("/v1/batch-calls")]
    Task<Listing<Wire<DialNexaBatch>, DialNexaPage<DialNexaBatch>>> ListBatchesAsync(
        int page,
        int limit,
        string? status,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>The current call-log route (OA <c>/v1/calls</c>): a bare array, newest first unless <c>created_at=asc</c>, limit ≤ 200.</summary>
    [Get("/v1/calls")]
    Task<Listing<Wire<DialNexaCallLog>, DialNexaPage<DialNexaCallLog>>> ListCallsAsync(
        [AliasAs("batch_call_id")] string batchCallId,
        int page,
        int limit,
        [AliasAs("created_at")] string? createdAtOrder,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>The older per-batch call-log route (<c>/v1/call-logs/campaign/{campaignId}</c>, older docs), used when
    /// <see cref="ListCallsAsync"/> answers 404: <c>{data[], meta}</c>.</summary>
    [Get("/v1/call-logs/campaign/{campaignId}")]
    Task<Listing<Wire<DialNexaCallLog>, DialNexaPage<DialNexaCallLog>>> ListCampaignCallLogsAsync(
        string campaignId,
        int page,
        int limit,
        [Query] IDictionary<string, string>? additional,
        CancellationToken cancellationToken);

    /// <summary>Pause, resume or cancel (<c>{"action": …}</c>; OA <c>/v1/batch-calls/{id}/status</c>). The same action twice leaves
    /// the same state, so it may be retried. 400/409 = not allowed in the current state; 403 = another workspace's batch.</summary>
    [Patch("/v1/batch-calls/{id}/status")]
    [Idempotent]
    [StatusMeans(400, StatusMeaning.NotFound, WhenBodySays = "Invalid batch call ID")]
    [StatusMeans(400, StatusMeaning.InvalidState)]
    [StatusMeans(409, StatusMeaning.InvalidState)]
    [StatusMeans(403, StatusMeaning.NotFound, Advice = "DialNexa says the batch does not belong to this workspace.")]
    Task<Wire<DialNexaStatusResult>> ChangeStatusAsync(string id, [Body] DialNexaStatusAction body, CancellationToken cancellationToken);
}
