using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>
/// batch-details ("Nexus", seed 002) → canonical; tables and the record mapping are in <see cref="BatchDetailsMapping"/>.
/// The vendor has ONE documented endpoint, <c>GET /api/call/batch-details/{id}?page&amp;limit&amp;filter&amp;sortBy&amp;sortOrder&amp;search</c>,
/// so only get and calls are supported. Decisions where the seed is silent:
/// <list type="bullet">
/// <item>Every answer is the envelope <c>{message, status, code, errorMessage, data}</c>. A 2xx with <c>status:false</c> (or
/// <c>"false"</c>) or a non-empty <c>errorMessage</c> is an error, classified by the shared error table from the envelope's
/// <c>code</c> when it is an HTTP error code (400–599), else the HTTP status; the message carries <c>errorMessage</c> (else
/// <c>message</c>). Non-2xx answers are translated by the shared pipeline.</item>
/// <item><b>Whole-batch counters</b> (<see cref="GetBatchAsync"/>): <c>data.total</c> counts only records matching the filter,
/// so the batch is first read UNFILTERED with <c>limit=1</c> (metadata, Total, and <see cref="BatchCall.Raw"/> = that
/// envelope). A batch of at most <see cref="SmallBatch"/> records is then read whole (<c>limit=50</c> pages) and counted from
/// each record's latest attempt — exact. A larger batch is counted with one <c>limit=1</c> request per outcome word of the
/// common call-status table (<see cref="BatchDetailsMapping.CountedWords"/>, 20 requests, at most 4 at a time) with
/// <c>filter={"callStatus":"word"}</c>, reading each <c>data.total</c>. The filter matches a record by any of its attempts, so
/// those counters are approximate when a contact was dialled more than once (Finished clamps to Total); words spelled
/// otherwise are not counted and their calls stay in Pending.</item>
/// <item>Batch records carry no timestamps or agent: CreatedAt, UpdatedAt, ScheduledAt and AgentId stay null;
/// <see cref="BatchCall.Calls"/> stays empty (use <c>GetCallsAsync</c>).</item>
/// <item><see cref="GetCallsAsync"/> pages lazily (<c>limit</c> = PageSize, default 50) until <c>page &gt;= totalPages</c>, and
/// stops on an empty page whatever <c>totalPages</c> says. Status is sent as <c>filter={"callStatus":"word"}</c> with the
/// status's main word AND checked locally on each record's latest attempt. SortBy → <c>sortBy</c>, Descending →
/// <c>sortOrder=desc</c> (else <c>asc</c> when sorting), Search → <c>search</c>. AdditionalParameters are passed through and
/// win over what the SDK derives (<c>page</c> and <c>limit</c> belong to the pager and are ignored).</item>
/// </list>
/// </summary>
internal sealed class BatchDetailsAdapter(IBatchDetailsApi api, BatchDetailsOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>Batches up to this many records are counted by reading every record.</summary>
    internal const int SmallBatch = 100;

    private const int DefaultPageSize = 50;
    private const int CountConcurrency = 4;

    private static readonly ProviderCapabilities Supported = new()
    {
        Operations = BatchOperation.Get | BatchOperation.GetCalls,
        CallsPaging = PagingKind.PageNumber,
    };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var (first, raw) = await FetchAsync(batchId, 1, 1, new Query(), cancellationToken).ConfigureAwait(false);
        var total = BatchDetailsMapping.Count(first.Total);
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
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(BatchDetailsMapping.CountedWords, new ParallelOptions { MaxDegreeOfParallelism = CountConcurrency, CancellationToken = cancellationToken }, async (word, ct) =>
            {
                var (answer, _) = await FetchAsync(batchId, 1, 1, new Query(Filter: BatchDetailsMapping.Filter(word)), ct).ConfigureAwait(false);
                lock (counts) counts[word] = BatchDetailsMapping.Count(answer.Total) ?? 0;
            }).ConfigureAwait(false);
            progress = BatchDetailsMapping.FromWordCounts(counts, total);
        }

        return new BatchCall
        {
            Provider = Id,
            Id = first.BatchId ?? batchId,
            Name = first.BatchName,
            Status = BatchDetailsMapping.MapBatchStatus(first.BatchStatus),
            RawStatus = first.BatchStatus,
            Progress = progress,
            Raw = raw,
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
            Filter: extra.ContainsKey("filter") || filterWord is null ? null : BatchDetailsMapping.Filter(filterWord),
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
            var envelope = await api.GetCallPageAsync(batchId, page, limit, query.Filter, query.SortBy, query.SortOrder, query.Search, query.Extra, ct).ConfigureAwait(false);
            var data = Checked(envelope, batchId, null);
            return new Page<CallRecord>([.. (data.Records ?? []).Select(BatchDetailsMapping.ToCall)], TotalPages: BatchDetailsMapping.Count(data.TotalPages));
        }, limit, cancellationToken);

    private async Task<(BatchDetailsData Data, System.Text.Json.JsonElement Raw)> FetchAsync(string batchId, int page, int limit, Query query, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchDetailsAsync(batchId, page, limit, query.Filter, query.SortBy, query.SortOrder, query.Search, query.Extra, cancellationToken).ConfigureAwait(false);
        return (Checked(wire.Value, batchId, wire.Raw), wire.Raw);
    }

    /// <summary>The envelope's data, or the error it reports inside a 2xx (through the shared error table).</summary>
    private BatchDetailsData Checked(BatchDetailsEnvelope? envelope, string batchId, System.Text.Json.JsonElement? raw)
    {
        if (envelope is null) throw context.Unexpected(raw ?? default, "the batch-details envelope");
        if (envelope.Status is false || envelope.ErrorMessage is not null)
        {
            var code = int.TryParse(envelope.Code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 400 and <= 599 ? n : 200;
            var body = new ErrorBody(context.Scrubber.Scrub(envelope.ErrorMessage ?? envelope.Message ?? "no reason given"), envelope.Code, raw is { } r ? context.Scrubber.Scrub(r.GetRawText()) : string.Empty);
            throw ErrorMap.FromStatus(Id, code, body, $"GET /api/call/batch-details/{batchId} (reported inside an HTTP 200 envelope)", null);
        }

        return envelope.Data ?? throw context.Unexpected(raw ?? default, "the batch's 'data'");
    }

    private sealed record Query(string? Filter = null, string? SortBy = null, string? SortOrder = null, string? Search = null, IDictionary<string, string>? Extra = null);
}
