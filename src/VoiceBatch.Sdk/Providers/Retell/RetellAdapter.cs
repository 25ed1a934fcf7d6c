using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Retell;

/// <summary>
/// Retell → canonical (tables and bodies in <see cref="RetellMapping"/>). Sources: Retell's official SDKs
/// <c>RetellAI/retell-python-sdk</c> @ a14e5119692c4a64970e9f6b2a8e9025e271812a (<c>api.md</c>; <c>src/retell/resources/batch_call.py</c>,
/// <c>resources/call.py</c>; <c>types/batch_call_create_batch_call_params.py</c>, <c>batch_call_response.py</c>,
/// <c>call_list_params.py</c>, <c>call_list_response.py</c>; <c>_constants.py</c>, <c>_base_client.py</c>) and
/// <c>RetellAI/retell-typescript-sdk</c> @ b27401320bc2e8a7899522735be25c015fc84e79 (<c>api.md</c>, <c>src/resources/batch-call.ts</c>),
/// and https://docs.retellai.com/api-references/create-batch-call. Decisions where they are silent or disagree:
/// <list type="bullet">
/// <item><b>What exists.</b> Retell's ONLY batch route is <c>POST /create-batch-call</c>: both SDKs' <c>api.md</c> list one
/// <c>BatchCall</c> method (python <c>.stats.yml</c>: 80 endpoints, none other for batch calls). There is no get, list, cancel,
/// pause, resume, retry or reschedule of a batch (<c>/create-batch-test</c>, <c>/get-batch-test</c> and <c>/v2/list-batch-tests</c>
/// are test-case simulations, not call campaigns; <c>POST /v2/stop-call/{call_id}</c> ends one live call and cannot cancel tasks
/// not yet dialled). <see cref="Capabilities"/> reports Create and GetCalls only; everything else throws
/// <see cref="VoiceBatchNotSupportedException"/> before anything is sent.</item>
/// <item><b>No Get, so no WaitForCompletion.</b> A batch read could only be assembled from its calls, and that cannot be
/// honest: tasks not yet dialled are not in the call list (no call id exists before dialling) and the only record of how many
/// tasks a batch has is the create answer's <c>total_task_count</c>, which cannot be fetched again — a read would have to guess
/// its total and could call a half-dialled batch Completed. So <see cref="GetBatchAsync"/> is unsupported, and with it
/// <see cref="IBatchCallClient.WaitForCompletionAsync"/>. To follow a batch, keep the <see cref="BatchCall"/> the create returns
/// (its Progress.Total is <c>total_task_count</c>) and count the calls: <c>BatchProgress.FromCallStatuses(calls, created.Progress.Total)</c>.</item>
/// <item><b>Create</b> (<see cref="RetellMapping.CreateBody"/>): JSON sent exactly once through
/// <see cref="ProviderContext.CreateOnceAsync{T}"/> — Retell takes no idempotency key and its own SDKs retry POSTs twice on
/// connection errors, 408, 409, 429 and 5xx (<c>_base_client.py</c> <c>_should_retry</c>); this SDK never does. A 5xx,
/// timeout, dropped connection, unreadable answer or an answer without <c>batch_call_id</c> is
/// <see cref="BatchCreationUncertainException"/> naming the batch's name: Retell cannot list batches, so look for that name in
/// Retell's dashboard (or list calls from the caller number since the create) before creating again. A 4xx is the vendor's
/// refusal (nothing created; Retell publishes no per-task error report, so no row errors are derived). Retell's SDKs allow the
/// create 300 s, so <see cref="RetellOptions"/> defaults its timeouts to that.</item>
/// <item><b>AgentId and FromPhoneNumber.</b> Retell binds an agent to the caller number (<c>from_number</c>, required) and has
/// no batch-level agent; every task takes <c>override_agent_id</c>. AgentId is sent as every task's <c>override_agent_id</c>
/// (the calls use the agent the caller named); FromPhoneNumber — else <see cref="RetellOptions.DefaultFromNumber"/> — is
/// <c>from_number</c>, refused before sending when missing or not E.164.</item>
/// <item><b>Schedule</b> only as the create's <c>trigger_timestamp</c> (MILLISECONDS; SDK test value <c>1735718400000</c>). The
/// answer's <c>scheduled_timestamp</c> is read in seconds or milliseconds by size: the docs' example answers <c>1735718400</c>
/// (seconds) to that very request. MaxConcurrentCalls is not sent (a Warning is logged): Retell has no per-batch cap, and
/// <c>reserved_concurrency</c> means capacity kept for OTHER calls. MaxRetries above 0 is refused. Call time windows are not sent
/// (the canonical request has none).</item>
/// <item><b>Calls</b>: <c>POST /v3/list-calls</c> (the current route; the python SDK moved to it from <c>POST /v2/list-calls</c> in
/// commit 1720325, 2026-05-11) with <c>filter_criteria.batch_call_id = {op:"eq", type:"string", value}</c> — an object, where the
/// deprecated v2 took an array — paged by the opaque <c>pagination_key</c> until <c>has_more</c> is false or the key is null
/// (a repeated key or an empty page also stops). Oldest first (<c>sort_order: ascending</c>, by <c>start_timestamp</c>), so a
/// running batch's new calls come on later pages; <see cref="CallQuery.Descending"/> reverses it. <c>limit</c> =
/// <see cref="CallQuery.PageSize"/> within 1–<see cref="MaxPageSize"/> (v3 states no bound; the deprecated v2 said "Default 50, Max
/// 1000"), default <see cref="DefaultPageSize"/>. The legacy routes are not called (the docs name <c>GET /list-calls</c>, the older
/// SDK <c>POST /v2/list-calls</c>: the two disagree, and both are deprecated). Status is filtered locally (Retell's
/// <c>call_status</c> filter is coarser than the canonical outcomes); Search and SortBy have no Retell meaning and are ignored;
/// AdditionalParameters are refused (list-calls takes a JSON body whose filters are objects, not text parameters). Retell's call
/// items carry no batch id and no transcript: calls cannot be checked against the batch, an unknown batch id simply lists no
/// calls (Retell answers an empty list, not 404), and transcripts need one <c>GET /v2/get-call/{call_id}</c> per call, which is
/// not sent. Status table: <see cref="RetellMapping.MapCallStatus"/>.</item>
/// </list>
/// </summary>
internal sealed class RetellAdapter(IRetellApi api, RetellOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>Calls per page when the query does not say.</summary>
    internal const int DefaultPageSize = 100;

    /// <summary>The largest page asked for (the deprecated v2 list's documented maximum; v3 states none).</summary>
    internal const int MaxPageSize = 1000;

    private static readonly ProviderCapabilities Supported = new()
    {
        // Scheduling is the create's trigger_timestamp: there is no schedule route, and no route reads a batch.
        Operations = BatchOperation.Create | BatchOperation.GetCalls,
        ListPaging = PagingKind.None,
        CallsPaging = PagingKind.Cursor,
    };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    /// <summary>Never called by the client (<see cref="Capabilities"/> has no Get): Retell has no route that reads a batch.</summary>
    public Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
        => throw new VoiceBatchNotSupportedException(Id, BatchOperation.Get,
            "Retell's API has no route that reads a batch; keep the batch CreateBatchAsync returned and count its calls with GetCallsAsync.");

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        // Everything Retell would refuse, or the SDK cannot send, is refused here, before anything is sent.
        var body = RetellMapping.CreateBody(request, options, context.Now);
        if (request.MaxConcurrentCalls is not null)
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create",
                $"Retell has no per-batch concurrency limit: MaxConcurrentCalls = {request.MaxConcurrentCalls} was not sent");
        }

        return await context.CreateOnceAsync(body.Name, async ct =>
        {
            var wire = await api.CreateBatchCallAsync(body, ct).ConfigureAwait(false);
            return wire.Value?.BatchCallId is { Length: > 0 }
                ? RetellMapping.ToCreated(Id, wire, request, body, context.Now)
                : throw context.Unexpected(wire.Raw, "a create answer with a batch_call_id");
        }, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.AdditionalParameters is { Count: > 0 })
        {
            throw new ArgumentException(
                "Retell's list-calls takes a JSON body whose filters are objects; CallQuery.AdditionalParameters cannot be sent to it. Nothing was sent.",
                nameof(query));
        }

        var limit = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);

        async Task<Page<CallRecord>> FetchAsync(string? cursor, CancellationToken ct)
        {
            var wire = await api.ListCallsAsync(RetellMapping.ListCalls(batchId, limit, cursor, query.Descending), ct).ConfigureAwait(false);
            if (wire.Value is not { Items: { } items } page) throw context.Unexpected(wire.Raw, "a page of calls ({items, pagination_key, has_more})");
            return new Page<CallRecord>([.. items.Select(RetellMapping.ToCall)], HasMore: page.HasMore, NextCursor: page.PaginationKey);
        }

        await foreach (var call in Pager.ByCursorAsync(FetchAsync, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }
}
