using System.Runtime.CompilerServices;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// DialNexa → canonical (tables, aliases and forms in <see cref="DialNexaMapping"/>). DialNexa's docs exist in two
/// generations — seeds 000/004 and the older docs site, and the current OpenAPI ("OA": <c>api-evangelist/dialnexa</c>
/// @ 0de572a, <c>openapi/_original/dialnexa-openapi.json</c>) — and both are read. Decisions:
/// <list type="bullet">
/// <item><b>Create</b> sends what both generations read (see <see cref="DialNexaMapping.CreateForm"/>): OA's required
/// <c>title</c> (the Name, at most 35 characters — a longer one is refused before sending; an unnamed batch is titled
/// <c>VoiceBatch yyyy-MM-dd HH:mm</c>) beside seed 004's <c>name</c>, and the start as OA's <c>starts_at</c> AND seed 004's
/// <c>scheduled_at</c> (OA: an empty <c>starts_at</c> starts at once, so sending only <c>scheduled_at</c> would start a
/// scheduled batch now). OA has no caller-number, concurrency or retry fields (the agent version's number is used,
/// batches run one at a time per organization, retries are set in the dashboard): they are still sent for the older API;
/// the caller number reported is the one DialNexa answers (<c>from_number</c>), and a different one than asked is logged at
/// Warning. The CSV must fit DialNexa's 10 MB and no variable column may be called <c>phone_number</c>. Sent once: a 5xx,
/// timeout or unreadable 2xx is <see cref="BatchCreationUncertainException"/>. A 400 or 403 naming rows becomes
/// <see cref="ContactValidationException"/> (rows of the uploaded CSV, header = row 1, reported as the caller's sheet rows);
/// OA's 404 (unknown agent or version) and 403 (destination not enabled) are refusals, not a missing batch or a bad key.
/// A 201 <c>warning</c> (another batch runs first) is logged at Warning and kept in Raw. An answer in DialNexa's SDK
/// shape (<c>data.campaign_id</c>) is read too.</item>
/// <item><b>Get</b> reads seed 000's batch record (both counter spellings, or wrapped in <c>data</c>). OA answers
/// <c>GET /v1/batch-calls/{id}</c> with the batch's call logs and no status; then the batch's list item gives its status,
/// title and lead totals (the list is scanned newest first, up to <see cref="MaxListScanPages"/> pages of 100), the
/// logs (asked with <c>limit=200</c>, OA's maximum) are Calls, and outcomes are counted from them when all are on the
/// page — by each number's latest log, since OA's <c>total</c> counts attempts including retries. A waiting batch whose
/// start is still ahead (by the injected <see cref="TimeProvider"/>) is Scheduled. OA's 400 "Invalid batch call ID format" is
/// <see cref="BatchNotFoundException"/>.</item>
/// <item><b>List</b> reads <c>{items[], total, page, limit}</c> (OA), <c>{data[], meta}</c> (older) and a bare array; page size
/// 1–100 (older docs: at most 100; OA states none), default <see cref="DefaultPageSize"/>. The status filter is sent in OA's
/// words (<see cref="DialNexaMapping.StatusFilter"/>); when the filtered first page answers 400 (an older server), the list
/// is read unfiltered. Status and AgentId are always filtered locally too — but OA's list items carry no <c>agent_id</c>: with
/// <see cref="BatchQuery.AgentId"/> set, a page on which no item names its agent throws a <see cref="VoiceBatchException"/>
/// rather than silently hiding every batch (an item without one on a page that names others is skipped). Paging stops on an empty or short page, at <c>totalPages</c> or at <c>total</c>.</item>
/// <item><b>Calls</b>: OA's <c>GET /v1/calls?batch_call_id=…&amp;created_at=asc</c> (oldest first, so a running batch's new
/// logs do not shift rows onto later pages; a row repeated from the previous page is skipped), page size 1–100; when
/// its first page answers 404, the older per-batch route <c>GET /v1/call-logs/campaign/{id}</c>. A log that names another
/// batch is dropped (a route that ignored the filter). Status is filtered locally; AdditionalParameters are sent as
/// given. Transcripts need one request per call (<c>GET /v1/calls/{id}</c>) and are not fetched.</item>
/// <item><b>Cancel/Pause/Resume</b>: <c>PATCH /v1/batch-calls/{id}/status</c>, retried on transient faults. The result is the
/// answer's <c>campaign</c> (its status is the new one; Raw is the whole answer with <c>affectedCalls</c>), else a fresh read.
/// A 400/409 is <see cref="VoiceBatchInvalidStateException"/> — unless the batch already is where the action leads (a retried
/// action whose first answer was lost), which is then returned; a 2xx with <c>success:false</c> is refused too. OA's 403
/// (another workspace's batch) is <see cref="BatchNotFoundException"/>.</item>
/// </list>
/// </summary>
internal sealed class DialNexaAdapter(IDialNexaApi api, DialNexaOptions options, ProviderContext context) : IBatchCallProvider
{
    /// <summary>Items per page when the query does not say.</summary>
    internal const int DefaultPageSize = 50;

    /// <summary>The largest page asked for: the older docs' maximum on every list (OA allows 200 on call logs).</summary>
    internal const int MaxPageSize = 100;

    /// <summary>OA's maximum page of call logs on <c>GET /v1/batch-calls/{id}</c>.</summary>
    internal const int MaxCallLogPage = 200;

    /// <summary>How many list pages (of 100) a get scans for the batch's status on OA.</summary>
    internal const int MaxListScanPages = 20;

    /// <summary>DialNexa's upload limit (seed 004, OA "max 10 MB").</summary>
    internal const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly ProviderCapabilities Supported = new()
    {
        // Scheduling is the create form's starts_at: there is no schedule route.
        Operations = BatchOperation.Get | BatchOperation.Create | BatchOperation.List | BatchOperation.GetCalls
                     | BatchOperation.Cancel | BatchOperation.Pause | BatchOperation.Resume,
        ListPaging = PagingKind.PageNumber,
        CallsPaging = PagingKind.PageNumber,
        MaxFileBytes = MaxFileBytes,
    };

    public ProviderId Id => context.Id;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var wire = await api.GetBatchAsync(batchId, MaxCallLogPage, cancellationToken).ConfigureAwait(false);
        if (wire.Value is not { } answer) throw context.Unexpected(wire.Raw, "a DialNexa batch");
        if (answer.CallLogs is null) return DialNexaMapping.ToBatch(Id, answer, wire.Json, batchId, context.Now);

        var listed = await FindListedAsync(batchId, cancellationToken).ConfigureAwait(false);
        return DialNexaMapping.FromCallLogs(Id, answer, wire.Json, batchId, listed);
    }

    public async Task<BatchCall> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken)
    {
        // Everything DialNexa would refuse is refused here, before anything is sent.
        var now = context.Now;
        var title = DialNexaMapping.Title(request, now);
        if (request.Contacts.VariableNames.Any(v => string.Equals(v.Trim(), DialNexaMapping.PhoneColumn, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ContactValidationException(
                $"A variable column is named '{DialNexaMapping.PhoneColumn}', the column DialNexa reads the number from. Rename it. Nothing was sent.", [], Id);
        }

        var csv = DialNexaMapping.Csv(request.Contacts);
        if (csv.LongLength > MaxFileBytes)
        {
            throw new ContactValidationException(
                $"The contact file for DialNexa would be {csv.LongLength} bytes, above its {MaxFileBytes}-byte (10 MB) limit. Split the batch. Nothing was sent.", [], Id);
        }

        using var form = DialNexaMapping.CreateForm(request, title, csv);
        Wire<DialNexaBatch> created;
        try
        {
            created = await context.CreateOnceAsync(title, async ct =>
            {
                var answer = await api.CreateBatchAsync(form, ct).ConfigureAwait(false);
                var value = answer.Value;
                return (value?.Id ?? value?.CampaignId ?? value?.Data?.Id ?? value?.Data?.CampaignId) is null
                    ? throw context.Unexpected(answer.Raw, "a create answer with a batch id")
                    : answer;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is 400 or 403 && ex is not ContactValidationException)
        {
            var body = ErrorBody.Of(ex);
            var rows = DialNexaMapping.RowErrors(body, request.Contacts.Contacts);
            if (rows.Count == 0) throw;
            var says = DialNexaMapping.ReportMessage(body);
            var sample = string.Join("; ", rows.Take(5).Select(e => $"row {e.Row}: {e.Reason}"));
            var refused = new ContactValidationException(
                $"'{Id}' refused {rows.Count} contact row(s) (HTTP {ex.StatusCode}){(says is null ? string.Empty : ": " + Scrubber.Truncate(says, 300))} "
                + $"({sample}{(rows.Count > 5 ? "; …" : string.Empty)}). Nothing was created; fix or remove these rows (rows of your sheet). "
                + $"DialNexa's response: {Scrubber.Truncate(body ?? string.Empty, 2000)}",
                rows, Id, ex.StatusCode, ex.RequestId, ex);
            refused.Data[ErrorBody.DataKey] = body;
            throw refused;
        }

        if (created.Value!.Warning is { } warning)
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create",
                $"{context.Scrubber.Scrub(warning.Message ?? "(no message)", 300)} ({warning.Conflicts?.Count ?? 0} conflicting batch(es)); the full warning is in BatchCall.Raw");
        }

        return Complete(DialNexaMapping.ToBatch(Id, created.Value, created.Json, null, now), request, title);
    }

    public async IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var filter = DialNexaMapping.StatusFilter(query.Status);
        var extra = query.AdditionalParameters.Count > 0 ? query.AdditionalParameters : null;
        var agentId = string.IsNullOrWhiteSpace(query.AgentId) ? null : query.AgentId.Trim();

        async Task<Page<BatchCall>> FetchAsync(int page, CancellationToken ct)
        {
            Listing<Wire<DialNexaBatch>, DialNexaPage<DialNexaBatch>> listing;
            try
            {
                listing = await api.ListBatchesAsync(page, size, filter, extra, ct).ConfigureAwait(false);
            }
            catch (VoiceBatchException ex) when (page == 1 && filter is not null && ex.StatusCode == 400)
            {
                filter = null; // an older server that does not know OA's status words: filter locally only
                listing = await api.ListBatchesAsync(page, size, null, extra, ct).ConfigureAwait(false);
            }

            var now = context.Now;
            var batches = Items(listing).Select(w => DialNexaMapping.ToBatch(Id, w.Value ?? new DialNexaBatch(), w.Json, null, now)).ToList();
            if (agentId is not null && batches.Count > 0 && batches.All(b => b.AgentId is null))
            {
                throw new VoiceBatchException(
                    $"'{Id}' does not say which agent ran its batches (the current list has no agent_id), so BatchQuery.AgentId cannot be applied. List without AgentId.", Id);
            }

            return new Page<BatchCall>(batches, HasMore: HasMoreAfter(listing, page, size));
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
        var size = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var extra = query.AdditionalParameters.Count > 0 ? query.AdditionalParameters : null;
        var older = false;
        // Two sets swapped page by page (cleared, not rebuilt): the ids of the previous page and of this one.
        var previousPage = new HashSet<string>(size, StringComparer.Ordinal);
        var thisPage = new HashSet<string>(size, StringComparer.Ordinal);

        async Task<Page<CallRecord>> FetchAsync(int page, CancellationToken ct)
        {
            Listing<Wire<DialNexaCallLog>, DialNexaPage<DialNexaCallLog>> listing;
            if (older)
            {
                listing = await api.ListCampaignCallLogsAsync(batchId, page, size, extra, ct).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    listing = await api.ListCallsAsync(batchId, page, size, "asc", extra, ct).ConfigureAwait(false);
                }
                catch (BatchNotFoundException) when (page == 1)
                {
                    older = true; // the older docs' per-batch route (newer form first, older on 404)
                    listing = await api.ListCampaignCallLogsAsync(batchId, page, size, extra, ct).ConfigureAwait(false);
                }
            }

            var items = Items(listing);
            var hasMore = HasMoreAfter(listing, page, size);
            thisPage.Clear();
            var calls = new List<CallRecord>(items.Count);
            foreach (var item in items)
            {
                if (DialNexaMapping.BelongsElsewhere(item, batchId)) continue;
                var call = DialNexaMapping.ToCall(item);
                if (call.Id is { } id && (!thisPage.Add(id) || previousPage.Contains(id))) continue;
                calls.Add(call);
            }

            (previousPage, thisPage) = (thisPage, previousPage);
            return new Page<CallRecord>(calls, HasMore: hasMore);
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

    private async Task<BatchCall> ActAsync(string batchId, string action, CancellationToken cancellationToken)
    {
        Wire<DialNexaStatusResult> wire;
        try
        {
            wire = await api.ChangeStatusAsync(batchId, new DialNexaStatusAction { Action = action }, cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchInvalidStateException)
        {
            var current = await ReadOrNullAsync(batchId, cancellationToken).ConfigureAwait(false);
            if (current is not null && AlreadyThere(action, current.Status)) return current;
            throw;
        }

        if (wire.Value?.Success is false)
        {
            var says = wire.Value.Message is { } m ? ": " + context.Scrubber.Scrub(m, 500) : ".";
            throw new VoiceBatchInvalidStateException($"'{Id}' did not {action} batch '{batchId}'{says}", Id);
        }

        return wire.Value?.Campaign is { Status: not null } campaign
            ? DialNexaMapping.ToBatch(Id, campaign, wire.Json, batchId, context.Now) with { Id = campaign.Id ?? batchId }
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

    /// <summary>The batch's list item (status, title, totals), scanning newest first; null when not found.</summary>
    private async Task<BatchCall?> FindListedAsync(string batchId, CancellationToken cancellationToken)
    {
        for (var page = 1; page <= MaxListScanPages; page++)
        {
            Listing<Wire<DialNexaBatch>, DialNexaPage<DialNexaBatch>> listing;
            try
            {
                listing = await api.ListBatchesAsync(page, MaxPageSize, null, null, cancellationToken).ConfigureAwait(false);
            }
            catch (VoiceBatchException ex) when (ex is not VoiceBatchAuthenticationException and not VoiceBatchRateLimitException)
            {
                return null; // the list is a second source: without it the status stays Unknown, the logs still read
            }

            var items = Items(listing);
            foreach (var item in items)
            {
                if (item.Value is { } dto && string.Equals(dto.Id ?? dto.CampaignId, batchId, StringComparison.Ordinal))
                {
                    return DialNexaMapping.ToBatch(Id, dto, item.Json, batchId, context.Now);
                }
            }

            if (!HasMoreAfter(listing, page, MaxPageSize)) break;
        }

        return null;
    }

    /// <summary>Fills what the answer omitted from the request (never overriding the vendor), then re-derives the status so
    /// an <c>initiated</c> batch scheduled for later reads as Scheduled.</summary>
    private BatchCall Complete(BatchCall batch, CreateBatchRequest request, string title)
    {
        var asked = string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim();
        if (asked is not null && batch.FromPhoneNumber is { } used && !string.Equals(asked, used, StringComparison.Ordinal))
        {
            Log.VendorWarning(context.Logger, Id.Value, "the create",
                $"DialNexa calls from the agent version's number {Contacts.PhoneNumberNormalizer.Mask(used)}, not the requested {Contacts.PhoneNumberNormalizer.Mask(asked)}");
        }

        var scheduledAt = batch.ScheduledAt ?? request.ScheduledAt;
        return batch with
        {
            Name = batch.Name ?? title,
            AgentId = batch.AgentId ?? request.AgentId,
            FromPhoneNumber = batch.FromPhoneNumber ?? asked,
            ScheduledAt = scheduledAt,
            Status = DialNexaMapping.MapBatchStatus(batch.RawStatus, scheduledAt, context.Now),
            Progress = batch.Progress.Total is null ? BatchProgress.FromCounts(request.Contacts.Contacts.Count) : batch.Progress,
        };
    }

    private static bool AlreadyThere(string action, BatchStatus status) => action switch
    {
        "pause" => status == BatchStatus.Paused,
        "cancel" => status == BatchStatus.Cancelled,
        "resume" => status is BatchStatus.Running or BatchStatus.Queued or BatchStatus.Scheduled,
        _ => false,
    };

    private IReadOnlyList<Wire<T>> Items<T>(Listing<Wire<T>, DialNexaPage<T>> listing)
        where T : class
        => listing.IsList ? listing.Items : throw new VoiceBatchResponseException($"'{Id}' sent a list without an items, data or callLogs array.", null, Id);

    /// <summary>
    /// Whether to ask for the page after <paramref name="page"/>: not after an empty or short page (fewer items than the
    /// <c>limit</c> DialNexa echoed, else than asked), the last page by <c>totalPages</c>, or the last item by <c>total</c>.
    /// </summary>
    private static bool HasMoreAfter<T>(Listing<Wire<T>, DialNexaPage<T>> listing, int page, int requested)
        where T : class
    {
        var envelope = listing.Envelope;
        var limit = (envelope?.Limit ?? envelope?.Meta?.Limit) is int echoed and > 0 ? echoed : requested;
        if (listing.Items.Count == 0 || listing.Items.Count < limit) return false;
        if ((envelope?.TotalPages ?? envelope?.Meta?.TotalPages) is { } pages && page >= pages) return false;
        if ((envelope?.Total ?? envelope?.Meta?.Total) is { } total && (long)page * limit >= total) return false;
        return true;
    }
}
