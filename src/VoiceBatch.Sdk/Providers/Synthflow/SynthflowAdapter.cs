using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Synthflow;

/// <summary>
/// Synthflow → canonical (tables and the create body in <see cref="SynthflowMapping"/>). Sources: docs.synthflow.ai —
/// the guide <c>https://docs.synthflow.ai/batch-calling</c> (its create example, the Enterprise-plan note) and the API
/// reference pages <c>https://docs.synthflow.ai/api-reference/platform-api/batch-calls/{create-a-batch-call,
/// list-batch-calls, list-batch-call-recipients, pause-a-batch-call, resume-a-batch-call, cancel-a-batch-call}.md</c>,
/// read as the docs search store holds them: each page's first ~2,000 characters, so fields listed after that cut are
/// unknown. The get page (<c>get-a-batch-call.md</c>, listed in <c>https://docs.synthflow.ai/llms.txt</c>) was not
/// readable; the error body and the calls API come from the older OpenAPI split in <c>api-evangelist/synthflow</c>
/// (<c>openapi/synthflow-calls-api-openapi.yml</c> @ 35f9886), which predates batch calling. The regional hosts are
/// <c>https://docs.synthflow.ai/api</c>'s (a third-party client, <c>RosenAdvertising/synthflow-mcp</c> @ 7077144
/// <c>synthflow_mcp/client.py</c>, notes that the global host does not route to US-provisioned accounts — hence
/// <see cref="SynthflowOptions.Region"/>). Decisions where the material is silent or disagrees:
/// <list type="bullet">
/// <item><b>Create</b> is <c>POST /v2/calls/batch</c> (JSON, see <see cref="SynthflowMapping.Create"/>), sent exactly
/// once. A task <c>id</c> makes a re-sent APPEND to an existing batch safe, not a first create (no batch exists to
/// deduplicate against), so a 5xx, timeout, dropped connection or an answer without <c>batch_call_id</c> is
/// <see cref="BatchCreationUncertainException"/> naming the batch's name (an unnamed batch is named
/// <c>VoiceBatch yyyy-MM-dd HH:mm</c>, UTC): list the batches (newest first) and look for it. More than 10,000 contacts
/// are refused before sending (<see cref="ProviderCapabilities.MaxContacts"/>): the SDK does not split a batch into a
/// create plus appends (<c>batch_call_id</c>), because a failure after the first request would leave a half-created
/// campaign already dialling. The start time, calling windows, concurrency and retries are after the create page's cut:
/// ScheduledAt and MaxRetries are refused (nothing is sent), MaxConcurrentCalls is logged as not sent (Synthflow dials
/// "as your account's concurrency allows"). A caller ID is required (request, else <see cref="SynthflowOptions.FromPhoneNumber"/>).
/// A 404 on create is an unknown agent or number (a refusal), not a missing batch.</item>
/// <item><b>Answers</b> are <c>{status, response}</c>; the batch is <c>response</c> (its JSON is <see cref="BatchCall.Raw"/>).
/// Only <c>ok</c> is published for <c>status</c>: a 2xx is read by its <c>response</c> whatever <c>status</c> says, and one
/// without a readable <c>response</c> is a <see cref="VoiceBatchResponseException"/>. Error bodies
/// (<c>{"detail": {status, description, request_id, category}}</c>) go through the shared table; their text is in the
/// message.</item>
/// <item><b>Status</b>: <c>scheduled</c> is an active batch (only it can be paused, and pausing "suspends dialing"): Queued
/// until a recipient leaves the queue, then Running; Scheduled is never reported (no start time is published).
/// <b>Counters</b> come from the batch object: Total = <c>total_task_count</c>, Pending = <c>pending_count</c>, Failed =
/// <c>failed_count</c> (calls that could not be placed), Completed = <c>dispatched_count</c> — calls PLACED: the batch API
/// does not say whether a placed call was answered (that is in Synthflow's call records). Claimed recipients are Queued;
/// in a cancelled batch the undialled rest is Cancelled.</item>
/// <item><b>Calls</b> are the batch's recipients (<c>GET /v2/calls/batch/{id}/tasks</c>, the one route that includes
/// queued and pre-dial failures), paged by <c>limit</c> (1–100; PageSize, default 100) and <c>offset</c> (the number of
/// recipients already read) until <c>total_records</c> is reached or a page is short or empty. CallQuery.Status is sent as
/// the <c>status</c> filter (and also checked locally); a status no recipient can have (Ringing, InProgress, NoAnswer,
/// Busy, Unknown) sends nothing and yields nothing. The route has no search or sort: CallQuery.Search, SortBy and
/// Descending are not sent. A page that starts with the previous page's first recipient ends the list (a server that
/// ignores <c>offset</c>). The recipient item's members are not published (the page is cut
/// before them): the create's task members are read, plus <c>status</c>, <c>error_message</c> and <c>call_id</c>.</item>
/// <item><b>List</b>: <c>GET /v2/calls/batch</c>, newest first, paged the same way (a batch repeated because a newer one
/// shifted the offsets is skipped). Synthflow filters by neither agent nor status: both are filtered locally (AgentId by
/// <c>model_id</c>; when no item on a page names its agent, the list throws instead of hiding every batch).</item>
/// <item><b>Pause/Resume/Cancel</b>: <c>POST …/{id}/pause|resume|cancel</c>, retried on transient faults (repeating them
/// changes nothing). The answer is the batch; an unreadable 2xx answer means the action happened, and the batch is read
/// again. A 400/409 is <see cref="VoiceBatchInvalidStateException"/> (e.g. pausing a batch that is not <c>scheduled</c>) —
/// unless the batch already is where the action leads (a retried action whose first answer was lost), which is then
/// returned. Retry and schedule do not exist in Synthflow's batch API: not in <see cref="Capabilities"/>.</item>
/// </list>
/// </summary>
internal sealed class SynthflowAdapter(ISynthflowApi api, SynthflowOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>Synthflow's largest page (<c>limit</c> "between 1 and 100"), also the default asked for.</summary>
    internal const int MaxPageSize = 100;

    private static readonly ProviderCapabilities Supported = new()
    {
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.List | BatchOperation.GetCalls
                     | BatchOperation.Cancel | BatchOperation.Pause | BatchOperation.Resume,
        ListPaging = PagingKind.Offset,
        CallsPaging = PagingKind.Offset,
        MaxContacts = SynthflowMapping.MaxTasksPerRequest,
    };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        return SynthflowMapping.ToBatch(Id, Batch(wire, "a Synthflow batch"), batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        // Everything Synthflow would refuse, or the SDK could not honour, is refused here, before anything is sent.
        var body = SynthflowMapping.Create(Id, request, options.FromPhoneNumber, context.Now);
        var created = await context.CreateOnceAsync(body.Name, async ct =>
        {
            var wire = await api.CreateBatchAsync(body, ct).ConfigureAwait(false);
            return wire.Value?.Response is { Value.BatchCallId.Length: > 0 } batch
                ? batch
                : throw context.Unexpected(wire.Value?.Response?.Raw ?? wire.Raw, "a create answer with a batch_call_id");
        }, cancellationToken).ConfigureAwait(false);

        if (request.MaxConcurrentCalls is { } limit)
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create", $"Synthflow publishes no concurrency limit for a batch (it dials as the account's concurrency allows): MaxConcurrentCalls = {limit} was not sent");
        }

        var batch = SynthflowMapping.ToBatch(Id, created);
        return batch with
        {
            Name = batch.Name ?? body.Name,
            AgentId = batch.AgentId ?? body.ModelId,
            FromPhoneNumber = batch.FromPhoneNumber ?? body.FromPhoneNumber,
            Status = batch.RawStatus is null ? BatchStatus.Queued : batch.Status, // accepted; Synthflow dials "over time"
            Progress = batch.Progress.Total is null ? BatchProgress.FromCounts(body.Tasks.Count) : batch.Progress,
        };
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize ?? MaxPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters);
        var agentId = string.IsNullOrWhiteSpace(query.AgentId) ? null : query.AgentId.Trim();
        var offset = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previousFirst = null;

        async Task<Page<BatchCall>> FetchAsync(int page, CancellationToken ct)
        {
            var wire = await api.ListBatchesAsync(size, offset, extra, ct).ConfigureAwait(false);
            var answer = Response(wire, "a page of batch calls");
            if (answer.Value?.BatchCalls is not { } items) throw context.Unexpected(answer.Raw, "a page of batch calls (no batch_calls list)");
            var more = HasMore(answer.Value.Pagination, offset, items.Count);
            offset += items.Count;
            var batches = items.Select(item => SynthflowMapping.ToBatch(Id, item)).ToList();
            if (Repeats(batches.Count > 0 ? batches[0].Id : null, ref previousFirst)) return new Page<BatchCall>([]); // offset ignored: the list repeats
            if (agentId is not null && batches.Count > 0 && batches.All(b => b.AgentId is null))
            {
                throw new VoiceBatchException(
                    $"'{Id}' does not say which agent ran its batches (no model_id on the list's items), so BatchQuery.AgentId cannot be applied. List without AgentId.", Id);
            }

            return new Page<BatchCall>([.. batches.Where(b => b.Id.Length == 0 || seen.Add(b.Id))], HasMore: more);
        }

        await foreach (var batch in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } status && batch.Status != status) continue;
            if (agentId is not null && !string.Equals(batch.AgentId, agentId, StringComparison.Ordinal)) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? filter = null;
        if (query.Status is { } wanted && (filter = SynthflowMapping.TaskStatusFilter(wanted)) is null) yield break; // no recipient can be in it

        var size = Math.Clamp(query.PageSize ?? MaxPageSize, 1, MaxPageSize);
        var extra = Extra(query.AdditionalParameters);
        var offset = 0;
        string? previousFirst = null;

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            var wire = await api.ListTasksAsync(batchId, size, offset, filter, extra, ct).ConfigureAwait(false);
            var answer = Response(wire, "a page of batch recipients");
            if ((answer.Value?.Tasks ?? answer.Value?.Recipients) is not { } items) throw context.Unexpected(answer.Raw, "a page of batch recipients (no tasks list)");
            var more = HasMore(answer.Value!.Pagination, offset, items.Count);
            offset += items.Count;
            var calls = items.Select(SynthflowMapping.ToCall).ToList();
            if (Repeats(calls.Count > 0 ? calls[0].Id : null, ref previousFirst)) return new Page<CallRecord>([]); // offset ignored: the list repeats
            return new Page<CallRecord>(calls, HasMore: more);
        }

        await foreach (var call in Pager.ByPageNumberAsync(FetchAsync, size, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } status && call.Status != status) continue;
            yield return call;
        }
    }

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, BatchStatus.Cancelled, ct => api.CancelBatchAsync(batchId, ct), cancellationToken);

    public Task<BatchCall> PauseBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, BatchStatus.Paused, ct => api.PauseBatchAsync(batchId, ct), cancellationToken);

    public Task<BatchCall> ResumeBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, BatchStatus.Running, ct => api.ResumeBatchAsync(batchId, ct), cancellationToken);

    /// <summary>Sends one action and returns the batch after it (see the class remarks).</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="leadsTo">Where the action leads: Cancelled, Paused, or Running (resume; Queued counts as there too).</param>
    /// <param name="send">Sends the action.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    private async Task<BatchCall> ActAsync(string batchId, BatchStatus leadsTo, Func<CancellationToken, Task<Wire<SynthflowAnswer<SynthflowBatch>>>> send, CancellationToken cancellationToken)
    {
        Wire<SynthflowAnswer<SynthflowBatch>>? wire;
        try
        {
            wire = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchInvalidStateException)
        {
            var current = await ReadOrNullAsync(batchId, cancellationToken).ConfigureAwait(false);
            if (current is not null && (current.Status == leadsTo || (leadsTo == BatchStatus.Running && current.Status == BatchStatus.Queued))) return current;
            throw;
        }
        catch (VoiceBatchResponseException ex) when (ex.StatusCode is >= 200 and < 300)
        {
            wire = null; // Synthflow acted (2xx) but its answer is not a batch we can read: read it afresh
        }

        return wire?.Value?.Response is { Value.Status: not null } batch
            ? SynthflowMapping.ToBatch(Id, batch, batchId)
            : await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The batch under <c>response</c>; a 2xx without one is an unreadable answer.</summary>
    private Wire<SynthflowBatch> Batch(Wire<SynthflowAnswer<SynthflowBatch>> wire, string expected)
    {
        var response = Response(wire, expected);
        return response.Value is null ? throw context.Unexpected(response.Raw, expected) : response;
    }

    private Wire<T> Response<T>(Wire<SynthflowAnswer<T>> wire, string expected)
        where T : class
        => wire.Value?.Response is { } response ? response : throw context.Unexpected(wire.Raw, $"{expected} (a {{status, response}} answer)");

    /// <summary>More to read after a page of <paramref name="count"/> items read at <paramref name="offset"/>: while
    /// <c>total_records</c> says so; without it, the shared pager's rule (stop on a short or empty page).</summary>
    private static bool? HasMore(SynthflowPagination? pagination, int offset, int count)
        => pagination?.TotalRecords is { } total ? count > 0 && offset + count < total : null;

    /// <summary>True when a page starts with the same item as the page before it (a server that ignores <c>offset</c>
    /// would otherwise be paged until the pager's hard stop); remembers this page's first id.</summary>
    private static bool Repeats(string? first, ref string? previousFirst)
    {
        var repeats = first is { Length: > 0 } && string.Equals(first, previousFirst, StringComparison.Ordinal);
        previousFirst = first;
        return repeats;
    }

    private static Dictionary<string, string>? Extra(IDictionary<string, string>? parameters)
        => parameters is { Count: > 0 } ? new Dictionary<string, string>(parameters, StringComparer.Ordinal) : null;
}
