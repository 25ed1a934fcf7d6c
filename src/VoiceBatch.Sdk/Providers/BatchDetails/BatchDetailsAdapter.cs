using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>
/// batch-details ("Nexus", seed 002) → canonical; tables and the record mapping are in <see cref="BatchDetailsMapping"/>.
/// The vendor has ONE documented endpoint, <c>GET /api/call/batch-details/{id}?page&amp;limit&amp;filter&amp;sortBy&amp;sortOrder&amp;search</c>,
/// so only get and calls are supported. Decisions where the seed is silent:
/// <list type="bullet">
/// <item>Every answer is the envelope <c>{message, status, code, errorMessage, data}</c>. A 2xx with <c>status:false</c> (or
/// <c>"false"</c>) or a non-empty <c>errorMessage</c> is an error: <see cref="BatchNotFoundException"/> when <c>code</c> is 404,
/// <see cref="VoiceBatchAuthenticationException"/> for 401/403, else <see cref="VoiceBatchException"/>; the message carries the
/// vendor's <c>errorMessage</c> (else <c>message</c>), <c>ErrorCode</c> is <c>code</c> as text, and <c>StatusCode</c> is <c>code</c>
/// when it is an HTTP error code (400–599), else the HTTP status. Non-2xx answers go through the shared error translation.</item>
/// <item><b>Whole-batch counters</b> (<see cref="GetBatchAsync"/>): <c>data.total</c> counts only records matching the filter, so
/// the batch is first read UNFILTERED with <c>limit=1</c> (metadata, Total, and <see cref="BatchCall.Raw"/> = that envelope).
/// A batch of at most <see cref="SmallBatch"/> records is then read whole (<c>limit=50</c> pages) and counted from each
/// record's latest attempt — exact. A larger batch is counted with one <c>limit=1</c> request per outcome word of the common
/// call-status table (<see cref="BatchDetailsMapping.CountedWords"/>, 20 requests, at most 4 at a time) with
/// <c>filter={"callStatus":"word"}</c>, reading each <c>data.total</c>. The filter is an exact match on the vendor's word
/// and may match a record by any of its attempts, so those counters are approximate when a contact was dialled more than
/// once (Finished clamps to Total); words spelled otherwise are not counted and their calls stay in Pending.</item>
/// <item>Batch records carry no timestamps or agent: CreatedAt, UpdatedAt, ScheduledAt and AgentId stay null;
/// <see cref="BatchCall.Calls"/> stays empty (use <c>GetCallsAsync</c>).</item>
/// <item><see cref="GetCallsAsync"/> pages lazily (<c>limit</c> = <see cref="CallQuery.PageSize"/>, default 50) until
/// <c>page &gt;= totalPages</c>, and stops on an empty page whatever <c>totalPages</c> says. <see cref="CallQuery.Status"/> is
/// sent as <c>filter={"callStatus":"word"}</c> with the status's main word (completed, failed, no-answer, busy, ringing,
/// in-progress, queued, cancelled; none for Pending/Unknown) AND checked locally on each record's latest attempt, so
/// synonyms (e.g. <c>answered</c>) are not returned for a server-side filter. <see cref="CallQuery.SortBy"/> → <c>sortBy</c>,
/// <see cref="CallQuery.Descending"/> → <c>sortOrder=desc</c> (else <c>asc</c> when sorting), <see cref="CallQuery.Search"/> →
/// <c>search</c>. <see cref="CallQuery.AdditionalParameters"/> are passed through and win over what the SDK derives (a
/// <c>filter</c> there replaces the status filter; <c>page</c> and <c>limit</c> belong to the pager and are ignored).</item>
/// </list>
/// </summary>
internal sealed class BatchDetailsAdapter(IBatchDetailsApi api, IOptions<BatchDetailsOptions> options) : IBatchCallProvider
{
    /// <summary>Batches up to this many records are counted by reading every record.</summary>
    internal const int SmallBatch = 100;

    private const int DefaultPageSize = 50;
    private const int CountConcurrency = 4;

    private static readonly ProviderCapabilities Supported = new()
    {
        CanGet = true,
        CanGetCalls = true,
        CallsPaging = PagingKind.PageNumber,
    };

    public ProviderId Id => ProviderId.BatchDetails;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.Value.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var first = await FetchAsync(batchId, 1, 1, new Query(), cancellationToken).ConfigureAwait(false);
        var total = WireJson.Count(first.Data.Total);
        BatchProgress progress;
        if (total is 0)
        {
            progress = BatchProgress.FromCounts(0);
        }
        else if (total is <= SmallBatch)
        {
            var statuses = new List<CallStatus>();
            await foreach (var call in PageAsync(batchId, DefaultPageSize, new Query(), cancellationToken).ConfigureAwait(false)) statuses.Add(call.Status);
            progress = BatchProgress.FromCallStatuses(statuses, total);
        }
        else
        {
            progress = await CountByStatusAsync(batchId, total, cancellationToken).ConfigureAwait(false);
        }

        var word = WireJson.Text(first.Data.BatchStatus);
        return new BatchCall
        {
            Provider = Id,
            Id = WireJson.Text(first.Data.BatchId) ?? batchId,
            Name = WireJson.Text(first.Data.BatchName),
            Status = BatchDetailsMapping.MapBatchStatus(word),
            RawStatus = word,
            Progress = progress,
            Raw = first.Raw,
        };
    }

    public async IAsyncEnumerable<CallRecord> GetCallsAsync(string batchId, CallQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, string>(query.AdditionalParameters, StringComparer.Ordinal);
        extra.Remove("page");
        extra.Remove("limit");
        var filterWord = query.Status is { } s ? BatchDetailsMapping.FilterWord(s) : null;
        var sorting = query.SortBy is not null || query.Descending;
        var q = new Query(
            Filter: extra.ContainsKey("filter") || filterWord is null ? null : Filter(filterWord),
            SortBy: extra.ContainsKey("sortBy") ? null : query.SortBy,
            SortOrder: extra.ContainsKey("sortOrder") || !sorting ? null : query.Descending ? "desc" : "asc",
            Search: extra.ContainsKey("search") || string.IsNullOrEmpty(query.Search) ? null : query.Search,
            Extra: extra.Count > 0 ? extra : null);

        await foreach (var call in PageAsync(batchId, Math.Max(1, query.PageSize ?? DefaultPageSize), q, cancellationToken).ConfigureAwait(false))
        {
            if (query.Status is { } wanted && call.Status != wanted) continue;
            yield return call;
        }
    }

    private IAsyncEnumerable<CallRecord> PageAsync(string batchId, int limit, Query query, CancellationToken cancellationToken)
        => Pager.ByPageNumberAsync(async (page, ct) =>
        {
            var answer = await FetchAsync(batchId, page, limit, query, ct).ConfigureAwait(false);
            var calls = (answer.Data.Data ?? []).Select(BatchDetailsMapping.ToCall).ToList();
            return new Page<CallRecord>(calls, TotalPages: WireJson.Count(answer.Data.TotalPages));
        }, limit, cancellationToken);

    private async Task<BatchProgress> CountByStatusAsync(string batchId, int? total, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(BatchDetailsMapping.CountedWords, new ParallelOptions { MaxDegreeOfParallelism = CountConcurrency, CancellationToken = cancellationToken }, async (word, ct) =>
        {
            var answer = await FetchAsync(batchId, 1, 1, new Query(Filter: Filter(word)), ct).ConfigureAwait(false);
            var count = WireJson.Count(answer.Data.Total) ?? 0;
            lock (counts) counts[word] = count;
        }).ConfigureAwait(false);

        int inProgress = 0, completed = 0, failed = 0, cancelled = 0;
        foreach (var (word, count) in counts)
        {
            switch (CommonCallStatus.Map(word))
            {
                case CallStatus.Ringing or CallStatus.InProgress: inProgress += count; break;
                case CallStatus.Completed: completed += count; break;
                case CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Busy: failed += count; break;
                case CallStatus.Cancelled: cancelled += count; break;
            }
        }

        return BatchProgress.FromCounts(total, inProgress, completed, failed, cancelled);
    }

    private async Task<(BatchDetailsDataDto Data, JsonElement Raw)> FetchAsync(string batchId, int page, int limit, Query query, CancellationToken cancellationToken)
    {
        var response = await api.GetBatchDetailsAsync(batchId, page, limit, query.Filter, query.SortBy, query.SortOrder, query.Search, query.Extra, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var requestId = ErrorTranslationHandler.RequestIdOf(response);
        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.BatchDetailsEnvelopeDto, Id, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(wire.Value, status, requestId);
        return wire.Value.Data is { } data
            ? (data, wire.Raw)
            : throw new VoiceBatchResponseException($"'{Id}' answered HTTP {status} without the 'data' of the batch.", WireResponse.Snippet(wire.Raw, options.Value.ApiKey), Id, status, requestId);
    }

    /// <summary>A 2xx whose envelope says it failed (<c>status:false</c> or a non-empty <c>errorMessage</c>).</summary>
    private void ThrowIfFailed(BatchDetailsEnvelopeDto envelope, int httpStatus, string? requestId)
    {
        var errorText = envelope.ErrorMessage is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } e ? e.GetRawText() : WireJson.Text(envelope.ErrorMessage);
        if (WireJson.Bool(envelope.Status) is not false && errorText is null) return;

        var code = WireJson.Text(envelope.Code);
        var numeric = WireJson.Int(envelope.Code);
        var statusCode = numeric is >= 400 and <= 599 ? numeric : httpStatus;
        var vendorSays = Redactor.Scrub(Redactor.Truncate(errorText ?? WireJson.Text(envelope.Message) ?? "no reason given", 500), options.Value.ApiKey);
        var message = $"'{Id}' reported a failure (HTTP {httpStatus}{(code is null ? string.Empty : $", code {code}")}): {vendorSays}";
        throw numeric switch
        {
            404 => new BatchNotFoundException(message, Id, statusCode, code, requestId),
            401 or 403 => new VoiceBatchAuthenticationException(message, Id, statusCode, code, requestId),
            _ => new VoiceBatchException(message, Id, statusCode, code, requestId),
        };
    }

    private static string Filter(string callStatus)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("callStatus", callStatus);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed record Query(string? Filter = null, string? SortBy = null, string? SortOrder = null, string? Search = null, IDictionary<string, string>? Extra = null);
}
