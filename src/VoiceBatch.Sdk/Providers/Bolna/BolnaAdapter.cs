using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refit;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna → canonical (seed 003 plus Bolna's public OpenAPI; tables in <see cref="BolnaMapping"/>, executions in
/// <see cref="BolnaExecutions"/>, form fields in <see cref="BolnaCreateForm"/>). Decisions where the docs disagree or
/// are silent:
/// <list type="bullet">
/// <item>Total = <c>valid_contacts</c> (calls are placed only for valid rows; <c>total_contacts − valid_contacts</c> rows
/// were invalid and stay visible in <see cref="BatchCall.Raw"/>). Bolna's counts can exceed <c>valid_contacts</c>:
/// Pending clamps at 0 and Fraction at 1. An unreadable timestamp (the seed's own <c>04:22:89</c>) reads as null.</item>
/// <item><b>Create</b> is two requests. <c>POST /batches</c> (multipart <c>agent_id</c>, <c>file</c>, <c>from_phone_numbers</c>,
/// <c>retry_config</c>) is sent exactly once through <see cref="CreateOnce"/>; any 2xx with a <c>batch_id</c> is success.
/// A Bolna batch is not dialled until scheduled, so it is then scheduled at <see cref="CreateBatchRequest.ScheduledAt"/>,
/// or — when that is null — at the EARLIEST time Bolna accepts: now + 2 minutes + 1 minute of margin (Bolna itself
/// rounds up to the next 10-minute mark). A start less than 2 minutes ahead throws
/// <see cref="ArgumentOutOfRangeException"/> before anything is sent. If scheduling fails after the create succeeded,
/// the batch is NOT created again: a <see cref="VoiceBatchException"/> names the created batch id (also in
/// <c>Data["VoiceBatch.BatchId"]</c>) and says to call <c>ScheduleBatchAsync</c>.</item>
/// <item>The caller number goes in the repeatable <c>from_phone_numbers</c> field of Bolna's current API (one part per
/// number); the legacy single <c>from_phone_number</c> field is not sent. Without a number Bolna uses the agent's.</item>
/// <item><see cref="CreateBatchRequest.Name"/> becomes the uploaded file's name (<c>Name.csv</c>), which Bolna keeps as
/// <c>file_name</c> and which reads back as <see cref="BatchCall.Name"/>. <see cref="CreateBatchRequest.MaxConcurrentCalls"/>
/// is ignored: Bolna has no per-batch limit (concurrency is per account). Retries: see <see cref="BolnaCreateForm.RetryConfig"/>.</item>
/// <item>Create, schedule and cancel return what Bolna's answer says without a follow-up read (a read that failed after a
/// successful action would mislead): create → Status Scheduled, Id = <c>batch_id</c>, ScheduledAt = the time sent,
/// Total = the contacts uploaded, Raw = the create answer; schedule → Scheduled with the time sent; cancel → Cancelled.
/// Call <c>GetBatchAsync</c> for Bolna's own counters.</item>
/// <item>Schedule and stop are marked idempotent (retried on transient faults): setting the same start twice, or stopping a
/// stopped batch, places no extra call. Stop answering 404 "Batch is not queued or running" is not a missing batch:
/// <see cref="VoiceBatchInvalidStateException"/>; any other 404 stays <see cref="BatchNotFoundException"/>.</item>
/// <item>List: <c>GET /batches/{agent_id}/all</c>, one unpaged array (so <see cref="BatchQuery.AgentId"/> is required);
/// <see cref="BatchQuery.Status"/> is filtered locally, <see cref="BatchQuery.PageSize"/> is ignored.</item>
/// <item>Calls: <c>GET /v2/batches/{id}/executions?page_number&amp;page_size</c> (page size ≤ 50, default 50), falling back —
/// when the first page answers 404 — to the older <c>GET /batches/{id}/executions</c> for the whole enumeration.
/// <see cref="CallQuery.Status"/> is filtered locally; search and sort are not supported by Bolna and are ignored;
/// <see cref="CallQuery.AdditionalParameters"/> are sent as query parameters. A page that repeats the previous page's
/// first execution ends the enumeration (a route that ignores paging).</item>
/// </list>
/// </summary>
internal sealed class BolnaAdapter(IBolnaApi api, IOptions<BolnaOptions> options, TimeProvider time) : IBatchCallProvider
{
    /// <summary>The exception-data key under which a created-but-unscheduled batch's id is kept.</summary>
    internal const string BatchIdDataKey = "VoiceBatch.BatchId";

    private const int MaxPageSize = 50;

    private static readonly ProviderCapabilities Supported = new()
    {
        CanGet = true,
        CanCreate = true,
        CanList = true,
        CanGetCalls = true,
        CanCancel = true,
        CanSchedule = true,
        ListRequiresAgentId = true,
        ListPaging = PagingKind.None,
        CallsPaging = PagingKind.PageNumber,
    };

    public ProviderId Id => ProviderId.Bolna;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.Value.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.BolnaBatchDto, Id, cancellationToken).ConfigureAwait(false);
        return BolnaMapping.ToBatch(wire.Value, wire.Raw, batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        // Everything that can be refused locally is checked before the create is sent.
        var now = time.GetUtcNow();
        var at = BolnaCreateForm.ValidateStart(request.ScheduledAt ?? BolnaCreateForm.EarliestStart(now), now, nameof(request));
        var retryConfig = BolnaCreateForm.RetryConfig(request);
        var fileName = BolnaCreateForm.FileName(request.Name);
        var csv = BolnaCreateForm.Csv(request.Contacts);
        string[]? from = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : [request.FromPhoneNumber.Trim()];

        var created = await CreateOnce.SendAsync(Id, request.Name, async ct =>
        {
            using var form = BolnaCreateForm.Create(request.AgentId, csv, fileName, from, retryConfig);
            var response = await api.CreateBatchAsync(form, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.BolnaStateDto, Id, ct).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(wire.Value.BatchId)
                ? throw new VoiceBatchResponseException($"'{Id}' accepted the create (HTTP {status}) but sent no batch_id.", WireResponse.Snippet(wire.Raw), Id, status)
                : wire;
        }, cancellationToken).ConfigureAwait(false);

        var batchId = created.Value.BatchId!;
        Wire<BolnaStateDto>? scheduled;
        try
        {
            scheduled = await SendScheduleAsync(batchId, at, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is VoiceBatchException or OperationCanceledException)
        {
            var inner = ex as VoiceBatchException;
            var error = new VoiceBatchException(
                $"'{Id}' created batch '{batchId}' but it is NOT scheduled, so it will not dial: {ex.Message} "
                + $"Do not create it again; call ScheduleBatchAsync({Id}, \"{batchId}\", <start>) instead.",
                Id, inner?.StatusCode, inner?.ErrorCode, inner?.RequestId, ex);
            error.Data[BatchIdDataKey] = batchId;
            throw error;
        }

        return new BatchCall
        {
            Provider = Id,
            Id = batchId,
            Name = fileName,
            AgentId = request.AgentId,
            Status = BatchStatus.Scheduled,
            RawStatus = scheduled?.Value.State ?? created.Value.State,
            Progress = BatchProgress.FromCounts(request.Contacts.Contacts.Count),
            ScheduledAt = at,
            FromPhoneNumber = from?[0],
            Raw = created.Raw,
        };
    }

    public async Task<BatchCall> ScheduleBatchAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var start = BolnaCreateForm.ValidateStart(at, time.GetUtcNow(), nameof(at));
        var answer = await SendScheduleAsync(batchId, start, cancellationToken).ConfigureAwait(false);
        return new BatchCall { Provider = Id, Id = batchId, Status = BatchStatus.Scheduled, RawStatus = answer?.Value.State, ScheduledAt = start, Raw = answer?.Raw };
    }

    public async Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.StopBatchAsync(batchId, idempotent: true, cancellationToken).ConfigureAwait(false);
        }
        catch (BatchNotFoundException ex) when (ErrorBody.Parse(ErrorBody.Of(ex) ?? string.Empty) is var body
                                                 && (body.Message ?? body.Text).Contains("not queued or running", StringComparison.OrdinalIgnoreCase))
        {
            throw new VoiceBatchInvalidStateException(
                $"'{Id}' refused to stop batch '{batchId}': {body.Message ?? "it is not queued or running"} (HTTP 404). Read the batch to see its state.",
                Id, ex.StatusCode, ex.ErrorCode, ex.RequestId);
        }

        var answer = await ReadActionAsync(response, cancellationToken).ConfigureAwait(false);
        return new BatchCall { Provider = Id, Id = batchId, Status = BatchStatus.Cancelled, RawStatus = answer?.Value.State, Raw = answer?.Raw };
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var agentId = string.IsNullOrWhiteSpace(query.AgentId)
            ? throw new ArgumentException("Bolna lists batches per agent: set BatchQuery.AgentId.", nameof(query))
            : query.AgentId;
        var response = await api.ListBatchesAsync(agentId, Extra(query.AdditionalParameters), cancellationToken).ConfigureAwait(false);
        JsonElement raw;
        using (response)
        {
            raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken).ConfigureAwait(false);
        }

        var items = WireJson.Array(raw) ?? WireJson.Array(WireJson.Member(raw, "data"))
            ?? throw new VoiceBatchResponseException($"'{Id}' answered the batch list with JSON that is not an array of batches.", WireResponse.Snippet(raw), Id, (int)response.StatusCode);

        foreach (var item in items)
        {
            var batch = ListItem(item);
            batch = batch with { AgentId = batch.AgentId ?? agentId };
            if (query.Status is { } wanted && batch.Status != wanted) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize ?? MaxPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters);
        var legacy = false;
        string? previousFirstId = null;

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            HttpResponseMessage? response = null;
            if (!legacy)
            {
                try
                {
                    response = await api.GetExecutionsAsync(batchId, page, pageSize, extra, ct).ConfigureAwait(false);
                }
                catch (BatchNotFoundException) when (page == 1)
                {
                    legacy = true; // the v2 route is missing on this account (a missing batch 404s on the old route too)
                }
            }

            response ??= await api.GetLegacyExecutionsAsync(batchId, page, pageSize, extra, ct).ConfigureAwait(false);
            JsonElement raw;
            using (response)
            {
                raw = await WireResponse.ReadJsonAsync(response, Id, ct).ConfigureAwait(false);
            }

            var result = BolnaExecutions.ReadPage(raw, pageSize, legacy, Id);
            var firstId = result.Items.Count > 0 ? result.Items[0].Id : null;
            if (page > 1 && firstId is not null && firstId == previousFirstId) return new Page<CallRecord>([]);
            previousFirstId = firstId;
            return result;
        }

        await foreach (var call in Pager.ByPageNumberAsync(FetchAsync, pageSize, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    private async Task<Wire<BolnaStateDto>?> SendScheduleAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var form = BolnaCreateForm.Schedule(at);
        var response = await api.ScheduleBatchAsync(batchId, form, idempotent: true, cancellationToken).ConfigureAwait(false);
        return await ReadActionAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A 2xx to schedule/stop means it was done; an empty or unreadable body does not undo that.</summary>
    private async Task<Wire<BolnaStateDto>?> ReadActionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.BolnaStateDto, Id, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchResponseException)
        {
            return null;
        }
    }

    /// <summary>One list item; an item with an odd field still yields its id, status word and Raw.</summary>
    private BatchCall ListItem(JsonElement item)
    {
        try
        {
            return BolnaMapping.ToBatch(WireResponse.Bind(item, VoiceBatchJsonContext.Default.BolnaBatchDto, Id), item);
        }
        catch (VoiceBatchResponseException) when (item.ValueKind == JsonValueKind.Object)
        {
            var dto = new BolnaBatchDto { BatchId = WireJson.Text(item, "batch_id"), Status = WireJson.Text(item, "status") };
            return BolnaMapping.ToBatch(dto, item);
        }
    }

    private static Dictionary<string, string>? Extra(IDictionary<string, string>? parameters)
        => parameters is { Count: > 0 } ? new Dictionary<string, string>(parameters, StringComparer.Ordinal) : null;

}
