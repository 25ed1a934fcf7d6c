using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bland;

/// <summary>
/// Bland → canonical (tables, counters and the create body in <see cref="BlandMapping"/>, the log reading in
/// <see cref="BlandLogSummary"/>). Sources: docs.bland.ai — the "V1 API Reference" pages that document the <c>/v2/batches</c>
/// routes (<c>api-v1/post/batches</c>, <c>api-v1/get/batches</c>, <c>api-v1/get/batches-id</c>, <c>api-v1/get/batches-id-logs</c>),
/// the newer <c>api-v2/post/batches-id-stop</c> and <c>api-v2/post/batches-id-pause</c>, the calls pages <c>api-v1/get/calls</c>
/// and <c>api-v1/get/calls-id</c>, Send Call <c>api-v1/post/calls</c> —, Bland's cookbook (<c>Bland-com/bland-ai-cookbooks</c>
/// @ 62d2620, <c>09-batch-campaigns/</c>), and, where Bland's pages were cut short, the third-party OpenAPI of
/// <c>api-evangelist/bland-ai</c> (<c>openapi/bland-ai-openapi.yml</c> @ 616d115) and the unofficial Fern SDK
/// <c>CINTELLILABS/bland-ai-typescript</c> @ 88c52f0. Decisions where those are silent or disagree:
/// <list type="bullet">
/// <item><b>Envelope.</b> Every <c>/v2</c> answer is <c>{data, errors}</c>. A 2xx whose <c>errors</c> is not empty is an
/// error (<see cref="BlandMapping.EnvelopeError"/>: by the error's code, else a refusal, 400) — except a create that also
/// names a <c>batch_id</c>: that batch exists, so it is returned and the errors are logged at Warning.</item>
/// <item><b>Create</b> (<c>POST /v2/batches/create</c>) is sent exactly once (no idempotency key; <c>b_cid</c> is a per-call
/// id behind an entitlement, not a dedup key). <see cref="CreateBatchRequest.AgentId"/> is the pathway id by default
/// (<see cref="BlandOptions.AgentIdKind"/>: a persona id or the prompt itself instead); the body is
/// <see cref="BlandMapping.Create"/>. The answer holds only the id and "the calls do not start instantly — Bland validates the
/// batch first": the result is Queued (Scheduled with a future ScheduledAt), RawStatus null, Total = the contacts sent.</item>
/// <item><b>Get</b> reads two routes: <c>GET /v2/batches/{id}</c> ("metadata… does not include logs") and
/// <c>GET /v2/batches/{id}/logs</c> newest first (<c>direction=desc</c>, pages of <see cref="LogPageSize"/>, at most
/// <see cref="MaxLogPages"/>), until a state change and counters are found. Status and counters: <see cref="BlandMapping.Decide"/>
/// and <see cref="BlandMapping.ToProgress"/> — the counters are exact only once the <c>complete</c> event is logged; before it,
/// the placed calls count as in progress (Fraction stays 0 until the end). A batch whose log is not found (404) keeps its
/// metadata and reads Unknown, with no counters.</item>
/// <item><b>List</b>: <c>GET /v2/batches/list?take&amp;skip</c> (api-v1/get/batches; the cookbook's older <c>GET /v1/batches</c>
/// is not used), pages of PageSize (default <see cref="DefaultPageSize"/>, 1–<see cref="MaxPageSize"/>: Bland states no bound).
/// Items have no status, so each item's logs are read too (one more request per batch, <see cref="ListConcurrency"/> at a time;
/// a batch whose logs are not found reads Unknown). Status and AgentId are filtered locally. Paging stops on a short or empty
/// page, or a page of batches already seen (a server that ignores <c>skip</c>).</item>
/// <item><b>Calls</b>: <c>GET /v1/calls?batch_id=…&amp;from&amp;to&amp;limit&amp;ascending=true</c> (oldest first, so a running
/// batch's new calls do not shift rows onto later pages; <c>from</c> inclusive, <c>to</c> = <c>from</c> + page size; a repeated
/// <c>call_id</c> is read once). Bland's page lists no <c>batch_id</c> filter (its copies are cut short); the third-party OpenAPI
/// does, and every call names its batch — so a call naming another batch, or none, means the filter was ignored and would
/// stream the whole account: that is a <see cref="VoiceBatchResponseException"/> (switch GetCalls off in
/// <see cref="VoiceBatchProviderOptions.DisabledOperations"/> if your account answers so). Status is filtered locally;
/// transcripts need a request per call and are not fetched.</item>
/// <item><b>Cancel</b> (<c>POST /v2/batches/{id}/stop</c>) and <b>Pause/Resume</b> (<c>POST /v2/batches/{id}/pause</c>,
/// <c>{"paused": true|false}</c>) are retried on transient faults. Their answers carry no state, and the log may lag the action,
/// so the batch is read again: when it does not yet show the action's outcome, the result says it (Cancelled, Paused, Running)
/// with the vendor's last word as RawStatus. A 400/409 is <see cref="VoiceBatchInvalidStateException"/> unless the batch
/// already is where the action leads (a retried action whose first answer was lost). Bland documents pause for the "batch or
/// campaign" generation of its API and does not show its answer: if your batches refuse it, switch Pause and Resume off.</item>
/// <item>Bland has no retry-failed-calls route and no schedule route (scheduling is each call's <c>start_time</c>, set by
/// create): Retry and Schedule are not supported.</item>
/// </list>
/// </summary>
internal sealed class BlandAdapter(IBlandApi api, BlandOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>Log events asked for per page.</summary>
    internal const int LogPageSize = 100;

    /// <summary>The most log pages read for one batch.</summary>
    internal const int MaxLogPages = 5;

    /// <summary>Items per list or calls page when the query does not say.</summary>
    internal const int DefaultPageSize = 100;

    /// <summary>The largest page asked for (<c>GET /v1/calls</c> defaults to 1000).</summary>
    internal const int MaxPageSize = 1000;

    /// <summary>How many listed batches' logs are read at once.</summary>
    internal const int ListConcurrency = 4;

    private static readonly ProviderCapabilities Supported = new()
    {
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.List | BatchOperation.GetCalls
                     | BatchOperation.Cancel | BatchOperation.Pause | BatchOperation.Resume,
        ListPaging = PagingKind.Offset, // take/skip
        CallsPaging = PagingKind.Offset, // from/to index ranges
    };

    /// <summary>An action's 2xx refusal (inside the envelope) means what its route's 400 means: the batch's state.</summary>
    private static readonly RouteTraits ActionRoute = RouteTraits.None with { Statuses = [new StatusMeansAttribute(400, StatusMeaning.InvalidState)] };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        var answer = Checked(wire, $"GET /v2/batches/{batchId}", aboutBatch: true);
        if (answer.Data is not { Value: not null } batch) throw context.Unexpected(wire.Raw, "a Bland batch ({data: {id, …}})");
        var logs = await ReadLogsOrNullAsync(batchId, cancellationToken).ConfigureAwait(false);
        return BlandMapping.ToBatch(Id, batch, logs, context.Now, batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        var body = BlandMapping.Create(request, options);
        if (request.MaxConcurrentCalls is not null)
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create", $"Bland takes no concurrency limit for a batch: MaxConcurrentCalls = {request.MaxConcurrentCalls} was not sent");
        }

        var created = await context.CreateOnceAsync(request.Name, async ct =>
        {
            var wire = await api.CreateBatchAsync(body, ct).ConfigureAwait(false);
            if (wire.Value is not { } answer) throw context.Unexpected(wire.Raw, "a create answer ({data: {batch_id}})");
            if (answer.Data?.BatchId is { Length: > 0 })
            {
                if (BlandMapping.Errors(answer.Errors) is { Count: > 0 } errors)
                {
                    Log.VendorWarning(context.Logger, Id.Value, "the create",
                        $"Bland created the batch but also answered {errors.Count} error(s): {context.Scrubber.Scrub(string.Join("; ", errors.Select(e => e.Message ?? e.Code)), 300)}");
                }

                return wire;
            }

            throw BlandMapping.EnvelopeError(Id, context.Scrubber, answer.Errors, wire.Json, "POST /v2/batches/create", aboutBatch: false)
                  ?? context.Unexpected(wire.Raw, "a create answer with a batch_id");
        }, cancellationToken).ConfigureAwait(false);

        return new BatchCall
        {
            Provider = Id,
            Id = created.Value!.Data!.BatchId!,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
            AgentId = options.AgentIdKind == BlandAgentKind.Task ? null : request.AgentId.Trim(),
            Status = request.ScheduledAt > context.Now ? BatchStatus.Scheduled : BatchStatus.Queued,
            Progress = BatchProgress.FromCounts(request.Contacts.Contacts.Count),
            ScheduledAt = request.ScheduledAt,
            FromPhoneNumber = body.Global.From,
            RawJson = created.Json,
        };
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters, "take", "skip");
        var agentId = string.IsNullOrWhiteSpace(query.AgentId) ? null : query.AgentId.Trim();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        async Task<Page<BatchCall>> FetchAsync(int page, CancellationToken ct)
        {
            var wire = await api.ListBatchesAsync(size, (page - 1) * size, extra, ct).ConfigureAwait(false);
            var answer = Checked(wire, "GET /v2/batches/list", aboutBatch: false);
            if (answer.Data is not { } items) throw context.Unexpected(wire.Raw, "a list of Bland batches ({data: [...]})");
            var fresh = items.Where(i => i.Value is not { } b || (b.Id ?? b.BatchId) is not { } id || seen.Add(id)).ToList();
            var batches = new BatchCall[fresh.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, fresh.Count), new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = ct }, async (i, c) =>
            {
                var id = fresh[i].Value?.Id ?? fresh[i].Value?.BatchId;
                var logs = id is null ? null : await ReadLogsOrNullAsync(id, c).ConfigureAwait(false);
                batches[i] = BlandMapping.ToBatch(Id, fresh[i], logs, context.Now);
            }).ConfigureAwait(false);
            return new Page<BatchCall>(batches, HasMore: items.Count >= size && fresh.Count > 0);
        }

        await foreach (var batch in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && batch.Status != wanted) continue;
            if (agentId is not null && !string.Equals(batch.AgentId, agentId, StringComparison.Ordinal)) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters, "batch_id", "from", "to", "limit", "ascending");
        var seen = new HashSet<string>(StringComparer.Ordinal);

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            var from = (page - 1) * size;
            var wire = await api.ListCallsAsync(batchId, from, from + size, size, "true", extra, ct).ConfigureAwait(false);
            var answer = Checked(wire, "GET /v1/calls", aboutBatch: true);
            if (answer.Calls is not { } calls) throw context.Unexpected(wire.Raw, "a list of Bland calls ({count, calls: [...]})");
            if (calls.FirstOrDefault(c => c.Value is { } v && !string.Equals(v.BatchId, batchId, StringComparison.Ordinal)) is { } foreign)
            {
                throw new VoiceBatchResponseException(
                    $"'{Id}' answered GET /v1/calls?batch_id=… with a call of {(foreign.Value!.BatchId is null ? "no batch" : "another batch")}: this account's API "
                    + "does not filter calls by batch, so reading on would stream every call of the account. Nothing more was read; "
                    + "switch GetCalls off for this provider (DisabledOperations) if it keeps answering so.",
                    context.Snippet(foreign.Raw.GetRawText()), Id, 200);
            }

            var fresh = calls.Where(c => c.Value?.CallId is not { } id || seen.Add(id)).Select(BlandMapping.ToCall).ToList();
            return new Page<CallRecord>(fresh, HasMore: calls.Count >= size && fresh.Count > 0);
        }

        await foreach (var call in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, $"POST /v2/batches/{batchId}/stop", ct => api.StopBatchAsync(batchId, ct),
            s => s is BatchStatus.Cancelled or BatchStatus.Completed or BatchStatus.Failed, BatchStatus.Cancelled, cancellationToken);

    public Task<BatchCall> PauseBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, $"POST /v2/batches/{batchId}/pause", ct => api.PauseBatchAsync(batchId, new BlandPause { Paused = true }, ct),
            s => s == BatchStatus.Paused, BatchStatus.Paused, cancellationToken);

    public Task<BatchCall> ResumeBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, $"POST /v2/batches/{batchId}/pause", ct => api.PauseBatchAsync(batchId, new BlandPause { Paused = false }, ct),
            s => s is not (BatchStatus.Paused or BatchStatus.Unknown), BatchStatus.Running, cancellationToken);

    /// <summary>Sends an action; on success reads the batch again (see the class remarks for how the result is chosen).</summary>
    private async Task<BatchCall> ActAsync(
        string batchId, string what, Func<CancellationToken, Task<Wire<BlandActionAnswer>>> send, Func<BatchStatus, bool> reached, BatchStatus leadsTo, CancellationToken cancellationToken)
    {
        try
        {
            var wire = await send(cancellationToken).ConfigureAwait(false);
            if (wire.Value is { } answer && BlandMapping.EnvelopeError(Id, context.Scrubber, answer.Errors, wire.Json, what, aboutBatch: true, ActionRoute) is { } refused)
            {
                throw refused;
            }
        }
        catch (VoiceBatchResponseException ex) when (ex.StatusCode is >= 200 and < 300)
        {
            // A 2xx is the vendor acting; an answer we cannot read does not undo that.
        }
        catch (VoiceBatchInvalidStateException)
        {
            if (await ReadOrNullAsync(batchId, cancellationToken).ConfigureAwait(false) is { } current && current.Status == leadsTo) return current;
            throw;
        }

        var read = await ReadOrNullAsync(batchId, cancellationToken).ConfigureAwait(false);
        if (read is null) return new BatchCall { Provider = Id, Id = batchId, Status = leadsTo };
        return reached(read.Status) ? read : read with { Status = leadsTo };
    }

    /// <summary>The batch's logs, newest first, page by page until the status and counters are known.</summary>
    private async Task<BlandLogSummary> ReadLogsAsync(string batchId, CancellationToken cancellationToken)
    {
        var summary = new BlandLogSummary();
        for (var page = 0; page < MaxLogPages && !summary.IsEnough; page++)
        {
            var wire = await api.GetLogsAsync(batchId, LogPageSize, page * LogPageSize, "desc", cancellationToken).ConfigureAwait(false);
            var answer = Checked(wire, $"GET /v2/batches/{batchId}/logs", aboutBatch: true);
            if (answer.Data is not { } events) throw context.Unexpected(wire.Raw, "a Bland batch log ({data: [...]})");
            if (summary.Add(events) == 0 || events.Count < LogPageSize) break;
        }

        return summary;
    }

    private async Task<BlandLogSummary?> ReadLogsOrNullAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadLogsAsync(batchId, cancellationToken).ConfigureAwait(false);
        }
        catch (BatchNotFoundException)
        {
            return null; // a batch Bland keeps no log for: its metadata stands, its status is Unknown
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
            return null; // the read is only a second opinion: the action's own answer stands
        }
    }

    /// <summary>The answer, once it is known to be an answer of the route's shape without errors inside.</summary>
    private T Checked<T>(Wire<T> wire, string what, bool aboutBatch)
        where T : class, IBlandAnswer
    {
        if (wire.Value is not { } answer) throw context.Unexpected(wire.Raw, $"the JSON object Bland answers {what} with");
        return BlandMapping.EnvelopeError(Id, context.Scrubber, answer.Errors, wire.Json, what, aboutBatch) is { } error ? throw error : answer;
    }

    /// <summary>The caller's extra query parameters, without those the SDK sets itself.</summary>
    private static Dictionary<string, string>? Extra(IDictionary<string, string>? parameters, params string[] reserved)
    {
        if (parameters is not { Count: > 0 }) return null;
        var extra = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        foreach (var name in reserved) extra.Remove(name);
        return extra.Count > 0 ? extra : null;
    }
}
