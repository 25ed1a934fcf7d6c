using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceBatch.Http;
using VoiceBatch.Internal;
using static VoiceBatch.Providers.DialNexa.DialNexaMapping;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// DialNexa → canonical (seeds 000/004 plus DialNexa's public OpenAPI; tables in <see cref="DialNexaMapping"/>).
/// Decisions where the docs disagree or are silent:
/// <list type="bullet">
/// <item><b>Get</b> (<c>GET /v1/batch-calls/{id}</c>) reads the seed's batch record in both forms (schema
/// <c>total_leads/completed/failed</c> first, then prose <c>total_calls/completed_calls/failed_calls</c>), a record wrapped
/// in <c>{data:{…}}</c>, and the OpenAPI's call-log answer <c>{callLogs[], total, …}</c> (no batch status: Unknown, the
/// logs as Calls, counters from the logs only when all are on the page). A waiting batch (<c>initiated</c>,
/// <c>queued</c>, <c>waiting</c>, <c>active</c>) whose <c>scheduled_at</c> is still ahead (by the injected
/// <see cref="TimeProvider"/>) is Scheduled.</item>
/// <item><b>Create</b> follows seed 004's field names (not the OpenAPI's <c>title</c>/<c>starts_at</c>); see
/// <see cref="DialNexaCreateForm"/>. Sent once through <see cref="CreateOnce"/>: a 5xx, timeout or unreadable 2xx is
/// <see cref="BatchCreationUncertainException"/>. Before sending, the CSV must fit DialNexa's 10 MB and no variable
/// column may be called <c>phone_number</c>. A 400 naming rows becomes <see cref="ContactValidationException"/>
/// (<see cref="DialNexaRowReport"/>: DialNexa's row numbers are read as rows of the uploaded CSV, header = row 1,
/// and reported as the caller's own sheet rows); any other 400 (and 402, insufficient balance) stays the translated
/// <see cref="VoiceBatchException"/>, a definite answer that created nothing. A 201
/// <c>warning</c> (another batch runs first) is logged at Warning and kept in Raw. When the answer omits them, Name,
/// AgentId, FromPhoneNumber, ScheduledAt and Total are taken from the request.</item>
/// <item><b>List</b> (<c>GET /v1/batch-calls?page&amp;limit&amp;status</c>) reads <c>{items[], total, page, limit}</c>,
/// <c>{data[], meta}</c> and a bare array, <see cref="DefaultPageSize"/> items a page unless the query says; paging
/// stops on an empty page, a short page (shorter than the <c>limit</c> DialNexa echoes, else than asked), at
/// <c>totalPages</c> or at <c>total</c> (see <see cref="DialNexaPage.HasMoreAfter"/>). <c>status</c> is sent only for canonical statuses with exactly one DialNexa word in both doc
/// generations (Draft → <c>draft</c>, Paused → <c>paused</c>, Completed → <c>completed</c>); the status and
/// <see cref="BatchQuery.AgentId"/> are always also filtered locally (DialNexa documents no agent filter).</item>
/// <item><b>Calls</b>: <c>GET /v1/calls?batch_call_id=…</c> (newer; bare array, or wrapped in
/// <c>data</c>/<c>items</c>/<c>callLogs</c>); when its FIRST page answers 404, the older
/// <c>GET /v1/call-logs?batch_id=…</c> is used for every page. <see cref="CallQuery.Status"/> is filtered locally;
/// <see cref="CallQuery.AdditionalParameters"/> are sent as given. Transcripts need one request per call
/// (<c>GET /v1/calls/{id}</c>) and are not fetched.</item>
/// <item><b>Cancel/Pause/Resume</b>: <c>PATCH /v1/batch-calls/{id}/status</c> <c>{"action": …}</c>, retried on
/// transient faults (the same action twice leaves the same state). The result is built from the answer's
/// <c>campaign</c> (its status is the new one; Raw is the whole answer, with <c>affectedCalls</c>); it carries no
/// counters (Progress.Total null) — read the batch for them. Only when the answer has no campaign status is the batch
/// read again. A 400 or 409, or a 2xx with <c>success:false</c>, is <see cref="VoiceBatchInvalidStateException"/>
/// carrying DialNexa's message.</item>
/// </list>
/// </summary>
internal sealed class DialNexaAdapter(IDialNexaApi api, IOptions<DialNexaOptions> options, TimeProvider time, ILogger<DialNexaAdapter>? logger = null)
    : IBatchCallProvider
{
    /// <summary>Items per page when the query does not say.</summary>
    internal const int DefaultPageSize = 50;

    /// <summary>DialNexa's upload limit (seed 004).</summary>
    internal const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly ProviderCapabilities Supported = new()
    {
        CanGet = true,
        CanCreate = true,
        CanList = true,
        CanGetCalls = true,
        CanCancel = true,
        CanPause = true,
        CanResume = true,
        CanRetry = false,
        CanSchedule = false, // scheduling is the create form's scheduled_at
        ListPaging = PagingKind.PageNumber,
        CallsPaging = PagingKind.PageNumber,
        MaxFileBytes = MaxFileBytes,
    };

    private readonly ILogger _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public ProviderId Id => ProviderId.DialNexa;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.Value.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        JsonElement raw;
        using (response)
        {
            raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken).ConfigureAwait(false);
        }

        return ReadBatch(raw, batchId);
    }

    public Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
        => new DialNexaCreate(api, time, _logger).SendAsync(request, cancellationToken);

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = query.PageSize is > 0 ? query.PageSize.Value : DefaultPageSize;
        var vendorStatus = VendorStatusFilter(query.Status);
        var extra = query.AdditionalParameters.Count > 0 ? query.AdditionalParameters : null;

        async Task<Page<BatchCall>> FetchAsync(int page, CancellationToken ct)
        {
            var response = await api.ListBatchesAsync(page, size, vendorStatus, extra, ct).ConfigureAwait(false);
            var list = await ReadPageAsync(response, ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var batches = list.Items
                .Select(item => ToBatch(WireResponse.Bind(item, VoiceBatchJsonContext.Default.DialNexaBatchDto, Id), item, null, now))
                .ToList();
            return new Page<BatchCall>(batches, HasMore: list.HasMoreAfter(page, size));
        }

        await foreach (var batch in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } status && batch.Status != status) continue;
            if (!string.IsNullOrWhiteSpace(query.AgentId) && !string.Equals(batch.AgentId, query.AgentId, StringComparison.Ordinal)) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = query.PageSize is > 0 ? query.PageSize.Value : DefaultPageSize;
        var extra = query.AdditionalParameters.Count > 0 ? query.AdditionalParameters : null;
        var legacy = false;

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            HttpResponseMessage response;
            if (legacy)
            {
                response = await api.ListCallLogsAsync(batchId, page, size, extra, ct).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    response = await api.ListCallsAsync(batchId, page, size, extra, ct).ConfigureAwait(false);
                }
                catch (BatchNotFoundException) when (page == 1)
                {
                    // The older docs' route (VENDORS.md: newer form first, older on 404).
                    legacy = true;
                    response = await api.ListCallLogsAsync(batchId, page, size, extra, ct).ConfigureAwait(false);
                }
            }

            var list = await ReadPageAsync(response, ct).ConfigureAwait(false);
            return new Page<CallRecord>([.. list.Items.Select(ToCall)], HasMore: list.HasMoreAfter(page, size));
        }

        await foreach (var call in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } status && call.Status != status) continue;
            yield return call;
        }
    }

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken) => ActAsync(batchId, "cancel", cancellationToken);

    public Task<BatchCall> PauseBatchAsync(string batchId, CancellationToken cancellationToken) => ActAsync(batchId, "pause", cancellationToken);

    public Task<BatchCall> ResumeBatchAsync(string batchId, CancellationToken cancellationToken) => ActAsync(batchId, "resume", cancellationToken);

    /// <summary>The <c>status</c> query word for <paramref name="status"/>, or null to filter only locally.</summary>
    internal static string? VendorStatusFilter(BatchStatus? status) => status switch
    {
        BatchStatus.Draft => "draft",
        BatchStatus.Paused => "paused",
        BatchStatus.Completed => "completed",
        _ => null,
    };

    private BatchCall ReadBatch(JsonElement raw, string batchId)
    {
        if (raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("callLogs", out _))
        {
            return FromCallLogPage(DialNexaPage.Read(raw, Id), raw, batchId);
        }

        var record = raw.ValueKind == JsonValueKind.Object && !raw.TryGetProperty("id", out _)
                     && raw.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : raw;
        var dto = WireResponse.Bind(record, VoiceBatchJsonContext.Default.DialNexaBatchDto, Id);
        return ToBatch(dto, record, batchId, time.GetUtcNow());
    }

    private async Task<DialNexaPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken).ConfigureAwait(false);
            return DialNexaPage.Read(raw, Id);
        }
    }

    private async Task<BatchCall> ActAsync(string batchId, string action, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.ChangeStatusAsync(batchId, new DialNexaStatusActionDto { Action = action }, idempotent: true, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex is not BatchNotFoundException && ex.StatusCode is 400 or 409)
        {
            var vendorSays = ErrorBody.Parse(ErrorBody.Of(ex) ?? string.Empty).Message;
            var refused = new VoiceBatchInvalidStateException(
                $"'{Id}' refused to {action} batch '{batchId}' in its current state (HTTP {ex.StatusCode}){(vendorSays is null ? "." : ": " + Redactor.Truncate(vendorSays, 500))}",
                Id, ex.StatusCode, ex.ErrorCode, ex.RequestId);
            refused.Data[ErrorBody.DataKey] = ErrorBody.Of(ex);
            throw refused;
        }

        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.DialNexaStatusResultDto, Id, cancellationToken).ConfigureAwait(false);
        var result = wire.Value;
        if (WireJson.Bool(result.Success) is false)
        {
            var vendorSays = WireJson.Text(result.Message);
            throw new VoiceBatchInvalidStateException(
                $"'{Id}' did not {action} batch '{batchId}'{(vendorSays is null ? "." : ": " + Redactor.Truncate(Redactor.Scrub(vendorSays, null), 500))}", Id);
        }

        if (result.Campaign is not { } campaign || WireJson.Text(campaign.Status) is null)
        {
            return await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        }

        return ToBatch(campaign, wire.Raw, batchId, time.GetUtcNow());
    }
}
