using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.ElevenLabs;

/// <summary>
/// The batch-calling dialect → canonical, for ElevenLabs and for every vendor that speaks it (VoiceAI/ThreeTone): one
/// adapter, the differences in the vendor's <see cref="BatchCallingDialect"/>; tables in <see cref="ElevenLabsMapping"/>.
/// Sources: ElevenLabs' SDKs (<c>elevenlabs/elevenlabs-python</c> <c>conversational_ai/batch_calls/raw_client.py</c>,
/// <c>types/batch_call_*.py</c>; <c>elevenlabs/elevenlabs-js</c> <c>tests/wire/conversationalAi/batchCalls.test.ts</c>) and
/// ThreeTone's pages (docs.threetone.in: get, list, submit, retry; seed 001). Decisions:
/// <list type="bullet">
/// <item><b>Times</b> are unix seconds; an unreadable one is null (the seed's placeholder <c>123</c> reads literally).</item>
/// <item><b>FromPhoneNumber</b> is the vendor's caller phone-number ID (<c>phone_number_id</c> on reads,
/// <c>agent_phone_number_id</c> on submit); an E.164 number there is refused before sending.</item>
/// <item><b>Calls</b> are the recipients inline with the batch (every recipient, no paging); GetCalls reads the batch once
/// and streams them, Status filtered locally. A recipient of an unexpected shape is an Unknown call with its Raw.</item>
/// <item><b>Create</b> sends JSON once (no idempotency key; ElevenLabs' own SDK retries submit — this one never does). See
/// <see cref="ElevenLabsMapping.Submit"/>. A 400/422 naming recipients (FastAPI <c>detail[].loc</c>) becomes
/// <see cref="ContactValidationException"/> with the sheet rows; other 4xx stay the translated error (nothing created);
/// a 5xx, timeout, unreadable answer or an answer without a batch id is <see cref="BatchCreationUncertainException"/>.</item>
/// <item><b>List</b> pages by cursor (<c>next_doc</c> back as <c>last_doc</c>; stops when <c>has_more</c> is false,
/// <c>next_doc</c> is null, a page is empty or a cursor repeats), <c>limit</c> = PageSize within the dialect's bounds
/// (ThreeTone 1–500; ElevenLabs documents none and defaults to 100, the most asked for). AgentId goes as <c>agent_id</c>
/// where the dialect takes it (ThreeTone's list has no such parameter) and is always ALSO filtered locally; Status is
/// filtered locally (neither vendor filters by status).</item>
/// <item><b>Cancel</b> is idempotent (retried on transient faults); <b>Retry</b> (re-call failed and unanswered
/// recipients) is sent once — an outcome it cannot know is a <see cref="VoiceBatchException"/> saying it was not re-sent.
/// Both answer the batch; an answer that is not a batch means the action still happened, so the batch is re-read once.
/// A 400, 409 or 422 is <see cref="VoiceBatchInvalidStateException"/> (the path is the SDK's own, so a 422 there is the
/// vendor refusing the batch as it is, e.g. "Batch call is already completed").</item>
/// </list>
/// </summary>
internal sealed class ElevenLabsAdapter(IBatchCallingApi api, VoiceBatchProviderOptions options, ProviderContext context) : IBatchCallProvider
{
    private static readonly ProviderCapabilities Supported = new()
    {
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.List | BatchOperation.GetCalls | BatchOperation.Cancel | BatchOperation.Retry,
        ListPaging = PagingKind.Cursor,
        CallsPaging = PagingKind.None,
        CallsInline = true,
    };

    private readonly BatchCallingDialect _dialect = (options as IBatchCallingOptions)?.Dialect ?? BatchCallingDialect.ElevenLabs;

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        return wire.Value is null ? throw context.Unexpected(wire.Raw, $"a {_dialect.Vendor} batch") : ElevenLabsMapping.ToBatch(Id, wire, context.Now, batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        var body = ElevenLabsMapping.Submit(request, _dialect, context.Now);
        if (request.MaxConcurrentCalls is not null && !_dialect.TakesConcurrencyLimit)
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create", $"{_dialect.Vendor} takes no concurrency limit: MaxConcurrentCalls = {request.MaxConcurrentCalls} was not sent");
        }

        try
        {
            return await context.CreateOnceAsync(body.CallName, async ct =>
            {
                var wire = await api.SubmitBatchAsync(body, ct).ConfigureAwait(false);
                return wire.Value?.Id is { Length: > 0 } ? ElevenLabsMapping.ToBatch(Id, wire, context.Now) : throw context.Unexpected(wire.Raw, "a submit answer with a batch id");
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is 400 or 422 && ex.GetType() == typeof(VoiceBatchException))
        {
            var rows = ElevenLabsMapping.RowErrors(ErrorBody.Of(ex), request.Contacts);
            if (rows.Count == 0) throw;
            var summary = string.Join("; ", rows.Take(5).Select(r => $"row {r.Row}{(r.Column is null ? string.Empty : $" ({r.Column})")}: {r.Reason}"));
            throw new ContactValidationException(
                $"'{Id}' rejected {rows.Count} recipient(s) (HTTP {ex.StatusCode}): {summary}{(rows.Count > 5 ? "; …" : string.Empty)}. Nothing was created.",
                rows, Id, ex.StatusCode, ex.RequestId, ex);
        }
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var agentId = string.IsNullOrWhiteSpace(query.AgentId) ? null : query.AgentId.Trim();
        var limit = Math.Clamp(query.PageSize ?? _dialect.MaxPageSize, 1, _dialect.MaxPageSize);
        var extra = query.AdditionalParameters is { Count: > 0 } parameters ? parameters : null;

        async Task<Page<BatchCall>> FetchAsync(string? cursor, CancellationToken ct)
        {
            var wire = await api.ListBatchesAsync(limit, cursor, _dialect.FiltersByAgent ? agentId : null, extra, ct).ConfigureAwait(false);
            if (wire.Value is not { } page) throw context.Unexpected(wire.Raw, "a page of batch calls");
            var now = context.Now;
            return new Page<BatchCall>([.. (page.BatchCalls ?? []).Select(item => ElevenLabsMapping.ToBatch(Id, item, now))], HasMore: page.HasMore, NextCursor: page.NextDoc);
        }

        await foreach (var batch in Pager.ByCursorAsync(FetchAsync, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && batch.Status != wanted) continue;
            if (agentId is not null && !string.Equals(batch.AgentId, agentId, StringComparison.Ordinal)) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        foreach (var call in batch.Calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, ct => api.CancelBatchAsync(batchId, ct), cancellationToken);

    public Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken)
        => context.SendOnceAsync("retry of failed calls", batchId, ct => ActAsync(batchId, c => api.RetryBatchAsync(batchId, c), ct), cancellationToken);

    private async Task<BatchCall> ActAsync(string batchId, Func<CancellationToken, Task<Wire<ElevenLabsBatch>>> send, CancellationToken cancellationToken)
    {
        Wire<ElevenLabsBatch>? wire;
        try
        {
            wire = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchResponseException ex) when (ex.StatusCode is >= 200 and < 300)
        {
            wire = null; // the vendor acted (2xx) but its answer is not a batch we can read: read it afresh
        }

        return wire?.Value is { Status: not null }
            ? ElevenLabsMapping.ToBatch(Id, wire, context.Now, batchId)
            : await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
    }
}
