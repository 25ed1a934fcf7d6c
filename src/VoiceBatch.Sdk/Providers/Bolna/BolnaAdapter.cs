using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna → canonical (tables and forms in <see cref="BolnaMapping"/>). Sources: seed 003, and Bolna's current docs
/// (bolna.ai/docs <c>api-reference/batches/*</c>, <c>quickstarts/batch</c>, <c>guides/outbound/*</c>, <c>api-reference/errors</c>,
/// read through the <c>bb3agency/calevate-site</c> mirror @ 5e18585), Bolna's skills (<c>bolna-ai/skills</c> @ 28b24aa) and CLI
/// (<c>bolna-ai/cli</c> @ 18932e0). Decisions where the docs disagree or are silent:
/// <list type="bullet">
/// <item><b>Create</b> is two requests. <c>POST /batches</c> (multipart — the current form; an older page showed
/// <c>text/csv</c>) is sent exactly once; any 2xx with a <c>batch_id</c> is success (201 now, 200 in older docs). A Bolna
/// batch is not dialled until scheduled, so it is then scheduled at <see cref="CreateBatchRequest.ScheduledAt"/> or, when
/// that is null, at the earliest time Bolna accepts (now + 2 minutes + 1 minute of margin). A start less than
/// 2½ minutes or more than 30 days ahead is refused before anything is sent (Bolna would answer 400 AFTER the create, leaving
/// an unscheduled batch). If scheduling fails after the create, the batch is NOT created again: the
/// <see cref="VoiceBatchException"/> names the created batch id (also in <c>Data["VoiceBatch.BatchId"]</c>) and says to call
/// <c>ScheduleBatchAsync</c>.</item>
/// <item><b>ScheduledAt</b> returned by create and schedule is when Bolna will really start: Bolna rounds up to the next
/// 10-minute mark and states the time in its answer (<c>state: "scheduled at …"</c>); that time when given, else the sent
/// time rounded up the same way. <see cref="BatchCall.RawStatus"/> keeps Bolna's <c>state</c> exactly as sent.</item>
/// <item>The caller number is sent as the repeatable <c>from_phone_numbers</c> (the single <c>from_phone_number</c> is
/// deprecated); reads take <c>from_phone_number</c>, else <c>from_phone_numbers[0]</c>. <see cref="CreateBatchRequest.Name"/>
/// becomes the uploaded file's name (<c>Name.csv</c>), which reads back as Name. MaxConcurrentCalls is ignored (Bolna's
/// concurrency is per account). <see cref="BolnaOptions.WebhookUrl"/> is sent as <c>webhook_url</c>.</item>
/// <item><b>Cancel</b> is <c>stop</c>, retried on transient faults. Its 404 "Batch is not queued or running" is a batch in
/// the wrong state (declared on the route); the batch is then read once — when it is already stopped (e.g. a retried
/// stop whose first answer was lost), that batch is returned, else <see cref="VoiceBatchInvalidStateException"/>.</item>
/// <item><b>List</b>: <c>GET /batches/{agent_id}/all</c>, one unpaged array, so <see cref="BatchQuery.AgentId"/> is required;
/// Status is filtered locally, PageSize ignored.</item>
/// <item><b>Calls</b>: <c>GET /batches/{id}/executions</c> — the documented route (a bare array). Bolna's own skill pages it
/// with <c>page_number</c>/<c>page_size</c> and reads <c>{data, has_more}</c>, so both are sent (page size ≤ 50) and both answers
/// read: paging continues only while a bare page is full, and a page that repeats the previous page's first execution ends
/// it (a server that ignores paging). Status is filtered locally; search and sort do not exist at Bolna. (The earlier
/// <c>/v2/batches/{id}/executions</c> route is in no Bolna document and is no longer called.)</item>
/// <item>Counters: Total = <c>valid_contacts</c>; <c>execution_status</c> is tallied through the execution-status table.
/// <c>call-disconnected</c> counts as in progress until Bolna reports the call's real outcome.</item>
/// </list>
/// </summary>
internal sealed class BolnaAdapter(IBolnaApi api, BolnaOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>The exception-data key under which a created-but-unscheduled batch's id is kept.</summary>
    internal const string BatchIdDataKey = "VoiceBatch.BatchId";

    private const int MaxPageSize = 50;

    private static readonly ProviderCapabilities Supported = new()
    {
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.List | BatchOperation.GetCalls | BatchOperation.Cancel | BatchOperation.Schedule,
        ListRequiresAgentId = true,
        ListPaging = PagingKind.None,
        CallsPaging = PagingKind.PageNumber,
    };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        return wire.Value is null ? throw context.Unexpected(wire.Raw, "a Bolna batch") : BolnaMapping.ToBatch(Id, wire, batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        // Everything that can be refused locally is checked before the create is sent.
        var now = context.Now;
        var at = BolnaMapping.ValidateStart(request.ScheduledAt ?? BolnaMapping.EarliestStart(now), now, nameof(request));
        var retryConfig = BolnaMapping.RetryConfig(request);
        var fileName = BolnaMapping.FileName(request.Name);
        var csv = BolnaMapping.Csv(request.Contacts);

        var created = await context.CreateOnceAsync(request.Name, async ct =>
        {
            using var form = BolnaMapping.CreateForm(request, csv, fileName, retryConfig, options.WebhookUrl);
            var wire = await api.CreateBatchAsync(form, ct).ConfigureAwait(false);
            return wire.Value?.BatchId is { Length: > 0 } ? wire : throw context.Unexpected(wire.Raw, "a create answer with a batch_id");
        }, cancellationToken).ConfigureAwait(false);

        var batchId = created.Value!.BatchId!;
        Wire<BolnaState>? scheduled;
        try
        {
            scheduled = await ScheduleAsync(batchId, at, cancellationToken).ConfigureAwait(false);
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
            RawStatus = scheduled?.Value?.State ?? created.Value.State,
            Progress = BatchProgress.FromCounts(request.Contacts.Contacts.Count),
            ScheduledAt = BolnaMapping.EffectiveStart(scheduled?.Value?.State, at),
            FromPhoneNumber = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim(),
            RawJson = created.Json,
        };
    }

    public async Task<BatchCall> ScheduleBatchAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var start = BolnaMapping.ValidateStart(at, context.Now, nameof(at));
        var answer = await ScheduleAsync(batchId, start, cancellationToken).ConfigureAwait(false);
        return new BatchCall
        {
            Provider = Id,
            Id = batchId,
            Status = BatchStatus.Scheduled,
            RawStatus = answer?.Value?.State,
            ScheduledAt = BolnaMapping.EffectiveStart(answer?.Value?.State, start),
            RawJson = answer?.Json,
        };
    }

    public async Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        Wire<BolnaState>? answer;
        try
        {
            answer = await Acted(api.StopBatchAsync(batchId, cancellationToken)).ConfigureAwait(false);
        }
        catch (VoiceBatchInvalidStateException)
        {
            var current = await ReadOrNullAsync(batchId, cancellationToken).ConfigureAwait(false);
            if (current?.Status == BatchStatus.Cancelled) return current;
            throw;
        }

        return new BatchCall { Provider = Id, Id = batchId, Status = BatchStatus.Cancelled, RawStatus = answer?.Value?.State, RawJson = answer?.Json };
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var agentId = string.IsNullOrWhiteSpace(query.AgentId)
            ? throw new ArgumentException("Bolna lists batches per agent: set BatchQuery.AgentId.", nameof(query))
            : query.AgentId.Trim();
        var items = await api.ListBatchesAsync(agentId, Extra(query.AdditionalParameters), cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            var batch = BolnaMapping.ToBatch(Id, item);
            batch = batch with { AgentId = batch.AgentId ?? agentId };
            if (query.Status is { } wanted && batch.Status != wanted) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize ?? MaxPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters);
        string? previousFirstId = null;

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            var listing = await api.GetExecutionsAsync(batchId, page, pageSize, extra, ct).ConfigureAwait(false);
            if (!listing.IsList) throw new VoiceBatchResponseException($"'{Id}' answered the executions request with JSON that is neither an array nor a page of executions.", null, Id);
            var calls = listing.Items.Select(BolnaMapping.ToCall).ToList();
            var firstId = calls.Count > 0 ? calls[0].Id : null;
            if (page > 1 && firstId is not null && firstId == previousFirstId) return new Page<CallRecord>([]); // paging ignored: the list repeats
            previousFirstId = firstId;

            if (listing.Envelope is not { } envelope) return new Page<CallRecord>(calls); // bare: more only while full
            int? totalPages = envelope.HasMore is null && envelope.Total is { } total
                ? (int)Math.Ceiling(total / (double)(envelope.PageSize is > 0 ? envelope.PageSize.Value : pageSize))
                : null;
            return new Page<CallRecord>(calls, envelope.HasMore, totalPages);
        }

        await foreach (var call in Pager.ByPageNumberAsync(FetchAsync, pageSize, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    private async Task<Wire<BolnaState>?> ScheduleAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var form = BolnaMapping.ScheduleForm(at);
        return await Acted(api.ScheduleBatchAsync(batchId, form, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>A 2xx to schedule or stop means it was done; an empty or unreadable answer does not undo that (null).</summary>
    private static async Task<Wire<BolnaState>?> Acted(Task<Wire<BolnaState>> action)
    {
        try
        {
            return await action.ConfigureAwait(false);
        }
        catch (VoiceBatchResponseException ex) when (ex.StatusCode is >= 200 and < 300)
        {
            return null;
        }
    }

    private async Task<BatchCall?> ReadOrNullAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException)
        {
            return null; // the read is only a second opinion: the vendor's refusal stands
        }
    }

    private static Dictionary<string, string>? Extra(IDictionary<string, string>? parameters)
        => parameters is { Count: > 0 } ? new Dictionary<string, string>(parameters, StringComparer.Ordinal) : null;
}
