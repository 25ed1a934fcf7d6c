using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.VoiceAI;

/// <summary>
/// VoiceAI (the ElevenLabs batch-calling API re-hosted under <c>/v1/voiceai</c>) → canonical. Seed 001 documents the
/// read; submit, list, cancel and retry are inferred from the API it mirrors (each can be switched off with
/// <see cref="VoiceBatchProviderOptions.DisabledOperations"/>). Tables: <see cref="VoiceAIMapping"/>.
/// <para>Decisions where the documents are silent or disagree:</para>
/// <list type="bullet">
/// <item><b>Times</b> are unix seconds (<c>created_at_unix</c>, <c>last_updated_at_unix</c>, <c>scheduled_time_unix</c>);
/// an unreadable one is null. The seed's placeholder <c>123</c> reads literally (1970-01-01T00:02:03Z).</item>
/// <item><b>Status</b> <c>pending</c> is Scheduled while <c>scheduled_time_unix</c> is still ahead of the injected
/// <see cref="TimeProvider"/>'s clock, else Queued; unknown words are Unknown with <see cref="BatchCall.RawStatus"/> kept.</item>
/// <item><b>FromPhoneNumber</b> is VoiceAI's caller phone-number <i>id</i> (<c>phone_number_id</c> on reads,
/// <c>agent_phone_number_id</c> on submit), not a number. A create whose FromPhoneNumber is a valid E.164 number
/// is refused before sending (<see cref="ArgumentException"/>): the vendor would reject it anyway.</item>
/// <item><b>Calls</b> are the recipients inline with the batch (every recipient, no paging). PhoneNumber is E.164
/// when it parses, as sent when it does not (the seed's <c>"&lt;string&gt;"</c>), null when the recipient has only a
/// <c>whatsapp_user_id</c> (kept in Raw). <c>dynamic_variables</c> values become text: strings as they are, numbers and
/// booleans as their JSON text, objects/arrays as JSON, nulls left out. A recipient of an unexpected shape is kept
/// as an Unknown call with its Raw, never failing the batch.</item>
/// <item><b>Counters</b>: when the batch lists recipients, they are counted (Total = recipients); otherwise (list
/// items, submit/cancel/retry answers, generated payloads) Total = <c>total_calls_scheduled</c>, Finished =
/// <c>total_calls_finished</c>, InProgress = <c>total_calls_dispatched − total_calls_finished</c> (never below 0).
/// Every field is optional; a missing counter counts as unknown (Total) or 0.</item>
/// <item><b>Create</b> sends JSON once (<see cref="CreateOnce"/>; never retried, VoiceAI has no idempotency key).
/// <c>call_name</c> is required by VoiceAI: an unnamed request gets <c>"VoiceBatch yyyy-MM-dd HH:mm"</c> (UTC, from the
/// injected clock), also the name an uncertain outcome tells you to look for. <c>scheduled_time_unix</c> is sent only
/// with <see cref="CreateBatchRequest.ScheduledAt"/> (an absolute instant, so <c>timezone</c> is never sent);
/// <c>target_concurrency_limit</c> only with <see cref="CreateBatchRequest.MaxConcurrentCalls"/>. Each contact's
/// variables go to <c>conversation_initiation_client_data.dynamic_variables</c> (omitted for a contact without
/// variables). VoiceAI has no automatic retries: <see cref="CreateBatchRequest.MaxRetries"/> above 0 is refused
/// before sending (use <see cref="RetryBatchAsync"/>); <see cref="CreateBatchRequest.RetryInterval"/> alone has no effect.
/// A 400/422 whose body names recipients (FastAPI <c>detail[].loc</c>) becomes <see cref="ContactValidationException"/>
/// with the sheet rows; any other 400/422 stays a <see cref="VoiceBatchException"/> with the status and vendor message
/// (nothing was created). A 5xx, a timeout, an unreadable answer or an answer without a batch id is
/// <see cref="BatchCreationUncertainException"/>.</item>
/// <item><b>List</b> pages by cursor: <c>next_doc</c> goes back as <c>last_doc</c>; paging stops when <c>has_more</c>
/// is false, <c>next_doc</c> is null, a page is empty, or a cursor repeats. <see cref="BatchQuery.AgentId"/> is
/// sent as <c>agent_id</c>, <see cref="BatchQuery.PageSize"/> as <c>limit</c>; VoiceAI cannot filter by status, so
/// <see cref="BatchQuery.Status"/> is applied locally.</item>
/// <item><b>GetCalls</b> reads the batch once and streams its recipients; <see cref="CallQuery.Status"/> is applied
/// locally; search, sort and page size do not apply.</item>
/// <item><b>Cancel</b> is idempotent, so the pipeline may retry it on a transient fault. <b>Retry</b> (re-call failed
/// and unanswered recipients) is not: it is sent once. Both answer the batch; when the answer is not a batch (no
/// <c>status</c>, empty, not JSON) the action still happened, so the batch is re-read with one GET. A 400, 409 or 422
/// on either is <see cref="VoiceBatchInvalidStateException"/> carrying the vendor's message.</item>
/// </list>
/// </summary>
internal sealed class VoiceAIAdapter(IVoiceAIApi api, IOptions<VoiceAIOptions> options, TimeProvider timeProvider) : IBatchCallProvider
{
    private static readonly ProviderCapabilities Supported = new()
    {
        CanGet = true,
        CanCreate = true,
        CanList = true,
        CanGetCalls = true,
        CanCancel = true,
        CanRetry = true,
        ListPaging = PagingKind.Cursor,
        CallsPaging = PagingKind.None,
        CallsInline = true,
    };

    public ProviderId Id => ProviderId.VoiceAI;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.Value.DisabledOperations);

    private DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.VoiceAIBatchDto, Id, cancellationToken).ConfigureAwait(false);
        return VoiceAIMapping.ToBatch(wire.Value, wire.Raw, Now, batchId);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = VoiceAISubmit.Build(request, Now);
        try
        {
            return await CreateOnce.SendAsync(Id, body.CallName, async ct =>
            {
                var response = await api.SubmitBatchAsync(body, ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.VoiceAIBatchDto, Id, ct).ConfigureAwait(false);
                var batch = VoiceAIMapping.ToBatch(wire.Value, wire.Raw, Now);
                return batch.Id.Length > 0
                    ? batch
                    : throw new VoiceBatchResponseException($"'{Id}' accepted the batch (HTTP {status}) but its answer carries no batch id.", null, Id, status);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is 400 or 422 && ex.GetType() == typeof(VoiceBatchException))
        {
            if (VoiceAISubmit.RowErrorsOf(ex, request.Contacts) is { } rows) throw rows;
            throw;
        }
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var agentId = string.IsNullOrWhiteSpace(query.AgentId) ? null : query.AgentId.Trim();
        var extra = query.AdditionalParameters is { Count: > 0 } parameters ? parameters : null;
        var pages = Pager.ByCursorAsync<BatchCall>(
            (cursor, ct) => ReadPageAsync(query.PageSize, cursor, agentId, extra, ct), cancellationToken);
        await foreach (var batch in pages.ConfigureAwait(false))
        {
            if (query.Status is { } wanted && batch.Status != wanted) continue;
            yield return batch;
        }
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var batch = await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        foreach (var call in batch.Calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    public Task<BatchCall> CancelBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, "cancel", ct => api.CancelBatchAsync(batchId, idempotent: true, ct), cancellationToken);

    public Task<BatchCall> RetryBatchAsync(string batchId, CancellationToken cancellationToken)
        => ActAsync(batchId, "retry", ct => api.RetryBatchAsync(batchId, ct), cancellationToken);

    private async Task<Page<BatchCall>> ReadPageAsync(int? pageSize, string? cursor, string? agentId, IDictionary<string, string>? extra, CancellationToken cancellationToken)
    {
        var response = await api.ListBatchesAsync(pageSize, cursor, agentId, extra, cancellationToken).ConfigureAwait(false);
        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.VoiceAIBatchListDto, Id, cancellationToken).ConfigureAwait(false);
        var items = new List<BatchCall>();
        if (wire.Value.BatchCalls is { ValueKind: JsonValueKind.Array } array)
        {
            var now = Now;
            foreach (var element in array.EnumerateArray()) items.Add(VoiceAIMapping.ToBatch(element, now));
        }

        return new Page<BatchCall>(items, HasMore: wire.Value.HasMore, NextCursor: wire.Value.NextDoc);
    }

    private async Task<BatchCall> ActAsync(string batchId, string verb, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is 400 or 409 or 422 && ex.GetType() == typeof(VoiceBatchException))
        {
            var says = ErrorBody.Parse(ErrorBody.Of(ex) ?? string.Empty).Message is { Length: > 0 } m ? $": {Redactor.Truncate(m, 500)}" : string.Empty;
            throw new VoiceBatchInvalidStateException(
                $"'{Id}' refused to {verb} batch '{batchId}' in its current state (HTTP {ex.StatusCode}){says}. Read the batch to see its state.",
                Id, ex.StatusCode, ex.ErrorCode, ex.RequestId);
        }

        using (response)
        {
            try
            {
                var raw = await WireResponse.ReadJsonAsync(response, Id, cancellationToken).ConfigureAwait(false);
                if (raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
                {
                    var dto = WireResponse.Bind(raw, VoiceBatchJsonContext.Default.VoiceAIBatchDto, Id, (int)response.StatusCode);
                    return VoiceAIMapping.ToBatch(dto, raw, Now, batchId);
                }
            }
            catch (VoiceBatchResponseException)
            {
                // The vendor acted (2xx) but its answer is not a batch we can read: fall through to a fresh read.
            }
        }

        return await GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
    }
}
