using System.Globalization;
using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// DialNexa ↔ canonical, every table in one place: batch and call-log status words, counter aliases, the list status
/// filter, the create form and the 400 row report (VENDORS.md "DialNexa", corrected by DialNexa's current OpenAPI,
/// "OA": <c>api-evangelist/dialnexa</c> @ 0de572a <c>openapi/_original/dialnexa-openapi.json</c>).
/// </summary>
internal static class DialNexaMapping
{
    /// <summary>OA create: <c>title</c> is required, "Must be 35 characters or fewer".</summary>
    public const int MaxTitleLength = 35;

    /// <summary>The phone column DialNexa requires (seed 004, OA 400 example).</summary>
    public const string PhoneColumn = "phone_number";

    /// <summary>The uploaded file's name.</summary>
    public const string FileName = "contacts.csv";

    /// <summary>
    /// Batch status, every documented word: OA (<c>initiated, draft, waiting, scheduled, running, paused, completed,
    /// cancelled, deleted</c>, legacy <c>active</c>), seed 000 (<c>draft, active, running, paused, completed, cancelled</c>; prose
    /// <c>queued, processing, completed, failed, cancelled</c>), DialNexa's SDK (<c>created</c>). <c>initiated</c> (the create
    /// acknowledgement), <c>created</c>, <c>queued</c>, <c>waiting</c>, <c>active</c> → Queued: DialNexa's <c>active</c> means
    /// ready or waiting for its start time or another batch, not dialling.
    /// </summary>
    public static BatchStatus MapBatchStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "initiated" or "created" or "queued" or "waiting" or "active" => BatchStatus.Queued,
        "draft" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "running" or "processing" => BatchStatus.Running,
        "paused" => BatchStatus.Paused,
        "completed" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "cancelled" or "deleted" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>The batch status, with a waiting batch whose start is still ahead of <paramref name="now"/> reported as Scheduled.</summary>
    public static BatchStatus MapBatchStatus(string? word, DateTimeOffset? startsAt, DateTimeOffset now)
    {
        var status = MapBatchStatus(word);
        return status == BatchStatus.Queued && startsAt > now ? BatchStatus.Scheduled : status;
    }

    /// <summary>Call-log status (DialNexa's statuses reference; the older <c>/v1/calls</c> filter adds <c>in-progress</c> and
    /// <c>no-answer</c>).</summary>
    public static CallStatus MapCallStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "created" => CallStatus.Pending,
        "initiated" => CallStatus.Queued,
        "sent" => CallStatus.Ringing,
        "received" or "inprogress" => CallStatus.InProgress,
        "completed" => CallStatus.Completed,
        "didnotpick" or "noanswer" => CallStatus.NoAnswer,
        "busy" => CallStatus.Busy,
        "failed" or "retryexpired" => CallStatus.Failed,
        "cancelled" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    /// <summary>
    /// The list's <c>status</c> query for a canonical status, in OA's words (comma lists allowed; the local filter
    /// narrows): Draft → <c>draft</c>, Scheduled → <c>scheduled,waiting,active</c> (a future-dated waiting batch reads as
    /// Scheduled), Queued → <c>waiting,active</c>, Running → <c>running</c>, Paused → <c>paused</c>, Completed →
    /// <c>completed</c>, Cancelled → <c>cancelled,deleted</c>; Failed has no current word (null: filtered locally only).
    /// The older API knows other words; a 400 on the filtered first page makes the adapter list without it.
    /// </summary>
    public static string? StatusFilter(BatchStatus? status) => status switch
    {
        BatchStatus.Draft => "draft",
        BatchStatus.Scheduled => "scheduled,waiting,active",
        BatchStatus.Queued => "waiting,active",
        BatchStatus.Running => "running",
        BatchStatus.Paused => "paused",
        BatchStatus.Completed => "completed",
        BatchStatus.Cancelled => "cancelled,deleted",
        _ => null,
    };

    /// <summary>
    /// A batch record (get, list item, create answer, an action's <c>campaign</c>). Aliases, first that is present:
    /// Name ← <c>name</c> | <c>title</c>; Total ← <c>total_leads</c> (seed schema) | <c>total_calls</c> (seed prose) |
    /// <c>total_records</c> (OA create) | <c>total_lead_count</c> (OA list) | <c>total_leads_imported</c> (SDK); Completed ←
    /// <c>completed</c> | <c>completed_calls</c>; Failed ← <c>failed</c> | <c>failed_calls</c>; Pending ← Total −
    /// <c>sent_lead_count</c> when OA's list gives it (it has no outcome counters: Completed and Failed stay 0 there);
    /// FromPhoneNumber ← <c>from_number</c> (OA: the number DialNexa really uses) | <c>from_phone_number</c>; start ←
    /// <c>starts_at</c> | <c>scheduled_at</c>; Id ← <c>id</c> | <c>campaign_id</c>; a record wrapped in <c>data</c> is unwrapped.
    /// </summary>
    public static BatchCall ToBatch(ProviderId provider, DialNexaBatch dto, RawJson raw, string? fallbackId, DateTimeOffset now)
    {
        if (dto.Id is null && dto.CampaignId is null && dto.Data is { } inner) dto = inner;
        var rawStatus = dto.Status ?? dto.CampaignStatus;
        var startsAt = dto.StartsAt ?? dto.ScheduledAt;
        var total = dto.TotalLeads ?? dto.TotalCalls ?? dto.TotalRecords ?? dto.TotalLeadCount ?? dto.TotalLeadsImported;
        int? pending = total is { } t && dto.SentLeadCount is { } sent ? Math.Max(0, t - sent) : null;
        return new BatchCall
        {
            Provider = provider,
            Id = dto.Id ?? dto.CampaignId ?? fallbackId ?? string.Empty,
            Name = dto.Name ?? dto.Title,
            AgentId = dto.AgentId,
            AgentName = dto.AgentName,
            Status = MapBatchStatus(rawStatus, startsAt, now),
            RawStatus = rawStatus,
            Progress = BatchProgress.FromCounts(total, completed: dto.Completed ?? dto.CompletedCalls ?? 0, failed: dto.Failed ?? dto.FailedCalls ?? 0, pending: pending),
            CreatedAt = dto.CreatedAt ?? dto.CreatedAtCamel,
            UpdatedAt = dto.UpdatedAt ?? dto.UpdatedAtCamel,
            ScheduledAt = startsAt,
            FromPhoneNumber = dto.FromNumber ?? dto.FromPhoneNumber,
            RawJson = raw,
        };
    }

    /// <summary>
    /// OA's <c>GET /v1/batch-calls/{id}</c>: the batch's call logs with no batch status or lead totals. Status, name and
    /// totals come from the batch's list item when the adapter found it (<paramref name="listed"/>), else Status is Unknown.
    /// The logs are Calls; Completed/Failed are counted from them when every log is on this page — by each number's
    /// LATEST log, because OA's <c>total</c> counts call logs including retries, not contacts (it is never used as Total).
    /// </summary>
    public static BatchCall FromCallLogs(ProviderId provider, DialNexaBatchAnswer answer, RawJson raw, string batchId, BatchCall? listed)
    {
        var logs = (answer.CallLogs ?? []).Select(ToCall).ToList();
        var everyLogHere = answer.Total is { } total ? logs.Count >= total : answer.TotalPages is null or <= 1;
        var progress = listed?.Progress ?? BatchProgress.Empty;
        if (everyLogHere && logs.Count > 0)
        {
            var latest = logs.GroupBy(c => c.PhoneNumber ?? c.Id ?? string.Empty).Select(g => g.MaxBy(c => c.CreatedAt ?? DateTimeOffset.MinValue)!.Status);
            progress = BatchProgress.FromCallStatuses(latest, progress.Total);
        }

        return (listed ?? new BatchCall { Provider = provider, Id = batchId, Status = BatchStatus.Unknown }) with
        {
            Id = batchId,
            Progress = progress,
            Calls = logs,
            RawJson = raw,
        };
    }

    /// <summary>One call log. PhoneNumber ← <c>to_number</c> (OA) | <c>to_phone_number</c> (older), E.164 when it parses;
    /// Duration ← <c>duration</c> | <c>duration_seconds</c> (seconds: OA's example is 42, the older field says seconds);
    /// Id ← <c>call_id</c> | <c>id</c> (older <c>/v1/call-logs</c> rows carry a <c>log_…</c> id and the call's id apart);
    /// times ← <c>createdAt</c> | <c>created_at</c>, <c>updatedAt</c> | <c>updated_at</c> | <c>ended_at</c>. <c>end_reason</c>,
    /// <c>from_number</c>, <c>summary</c> stay in Raw. Transcripts need <c>GET /v1/calls/{id}</c> and are not fetched.</summary>
    public static CallRecord ToCall(Wire<DialNexaCallLog> wire)
    {
        if (wire.Value is not { } log) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };
        return new CallRecord
        {
            Id = log.CallId ?? log.Id,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(log.ToNumber ?? log.ToPhoneNumber),
            Status = MapCallStatus(log.Status),
            RawStatus = log.Status,
            Duration = log.Duration ?? log.DurationSeconds,
            RecordingUrl = log.RecordingUrl ?? log.RecordingUrlCamel,
            Transcript = log.Transcript,
            CreatedAt = log.CreatedAtCamel ?? log.CreatedAt,
            UpdatedAt = log.UpdatedAtCamel ?? log.UpdatedAt ?? log.EndedAt,
            RawJson = wire.Json,
        };
    }

    /// <summary>True when a log says it belongs to another batch (a route that ignored the batch filter).</summary>
    public static bool BelongsElsewhere(Wire<DialNexaCallLog> wire, string batchId)
        => wire.Value is { } log && (log.BatchId ?? log.BatchCallId ?? log.CampaignId) is { } owner && !string.Equals(owner, batchId, StringComparison.Ordinal);

    /// <summary>The title sent: the request's Name (checked ≤ 35 characters before sending), else <c>VoiceBatch yyyy-MM-dd HH:mm</c>
    /// (UTC) — also the name an uncertain outcome tells you to look for.</summary>
    public static string Title(CreateBatchRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return now.UtcDateTime.ToString("'VoiceBatch' yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var name = request.Name.Trim();
        return name.Length <= MaxTitleLength
            ? name
            : throw new ArgumentException($"DialNexa batch titles are at most {MaxTitleLength} characters; CreateBatchRequest.Name has {name.Length}. Nothing was sent.", nameof(request));
    }

    /// <summary>
    /// The multipart body of <c>POST /v1/batch-calls</c>, carrying what BOTH documented generations read: <c>agent_id</c>,
    /// <c>file</c> (the validated contacts as one CSV, <c>phone_number</c> in E.164 first), <c>title</c> (OA: required, ≤ 35),
    /// and when set <c>name</c> (seed 004), <c>starts_at</c> (OA: "leave empty to start immediately") and <c>scheduled_at</c>
    /// (seed 004) with the same UTC time, <c>from_phone_number</c>, <c>max_concurrent_calls</c> and <c>retry_config</c>
    /// (seed 004 only: OA takes the caller number from the agent version, runs one batch at a time per organization and
    /// sets batch retries in the dashboard — DialNexa's current API ignores these three). Part names are quoted as curl does.
    /// </summary>
    public static MultipartFormDataContent CreateForm(CreateBatchRequest request, string title, byte[] csv)
    {
        var retry = RetryConfig(request); // may refuse the request: before any content exists
        var start = request.ScheduledAt is { } at ? FormatTime(at) : null;
        return new MultipartFormDataContent()
            .Text("agent_id", request.AgentId.Trim())
            .File("file", FileName, csv, "text/csv")
            .Text("title", title)
            .Text("name", string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim())
            .Text("starts_at", start)
            .Text("scheduled_at", start)
            .Text("from_phone_number", string.IsNullOrWhiteSpace(request.FromPhoneNumber) ? null : request.FromPhoneNumber.Trim())
            .Text("max_concurrent_calls", request.MaxConcurrentCalls?.ToString(CultureInfo.InvariantCulture))
            .Text("retry_config", retry);
    }

    /// <summary>The CSV DialNexa receives.</summary>
    public static byte[] Csv(ContactList contacts) => ContactCsvWriter.Write(contacts.Contacts, contacts.VariableNames, PhoneColumn);

    /// <summary><paramref name="at"/> in UTC, to the second, with a trailing <c>Z</c> (seed 004 <c>2023-11-07T05:31:56Z</c>, OA <c>2024-01-15T09:00:00Z</c>).</summary>
    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>retry_config</c> JSON text, or null when neither MaxRetries nor RetryInterval is given (interval rounded UP to minutes).</summary>
    public static string? RetryConfig(CreateBatchRequest request)
    {
        if (request.MaxRetries is null && request.RetryInterval is null) return null;
        if (request.RetryInterval is { } interval && interval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), interval, "CreateBatchRequest.RetryInterval cannot be negative. Nothing was sent.");
        }

        return JsonSerializer.Serialize(new DialNexaRetryConfig
        {
            MaxRetries = request.MaxRetries,
            RetryIntervalMinutes = request.RetryInterval is { } i ? (int)Math.Min(int.MaxValue, Math.Ceiling(i.TotalMinutes)) : null,
        }, DialNexaJsonContext.Default.DialNexaRetryConfig);
    }

    /// <summary>
    /// The row errors of a create refused with a destination-validation report (see <see cref="DialNexaRowReport"/>), mapped
    /// to the caller's sheet rows. DialNexa's row numbers are read as rows of the uploaded CSV with its header as row 1
    /// (the spreadsheet convention): uploaded row r is contact r − 2, reported as that contact's row in the CALLER's sheet
    /// with its number as the value; a row outside the upload is reported as DialNexa numbered it. Empty when the body names no rows.
    /// </summary>
    public static List<ContactRowError> RowErrors(string? body, IReadOnlyList<Contact> uploaded)
    {
        var errors = new List<ContactRowError>();
        if (string.IsNullOrWhiteSpace(body)) return errors;
        DialNexaRowReport? report;
        try
        {
            report = JsonSerializer.Deserialize(body, DialNexaJsonContext.Default.DialNexaRowReport);
        }
        catch (JsonException)
        {
            return errors;
        }

        var members = new List<JsonElement>();
        if (report?.Message is { ValueKind: JsonValueKind.Array } messages) members.Add(messages);
        if (report?.Members is { } others) members.AddRange(others.Values);
        foreach (var member in members)
        {
            if (member.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in member.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || Bind(item) is not { } group) continue;
                    foreach (var row in group.AllRows ?? []) errors.Add(ToError(row, group.Column ?? group.Field, group.ReasonText ?? "rejected by DialNexa", group.PhoneNumber, uploaded));
                }
            }
            else if (member.ValueKind == JsonValueKind.Object)
            {
                foreach (var reason in member.EnumerateObject())
                {
                    var rows = reason.Value.ValueKind == JsonValueKind.Object ? Bind(reason.Value)?.AllRows : ReadRows(reason.Value);
                    foreach (var row in rows ?? []) errors.Add(ToError(row, null, reason.Name, null, uploaded));
                }
            }
        }

        return errors;
    }

    /// <summary>The vendor's own summary line of a report (<c>message</c> as text or a list of texts, else <c>error</c>).</summary>
    public static string? ReportMessage(string? body)
    {
        var parsed = ErrorBody.Parse(body ?? string.Empty);
        return parsed.Message is { } m && !m.TrimStart().StartsWith('[') ? m : parsed.Code;
    }

    private static List<int>? ReadRows(JsonElement value)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value.GetRawText()));
        reader.Read();
        return new RowNumbersConverter().Read(ref reader, typeof(List<int>), DialNexaJsonContext.Default.Options);
    }

    private static DialNexaRowGroup? Bind(JsonElement item)
    {
        try
        {
            return item.Deserialize(DialNexaJsonContext.Default.DialNexaRowGroup);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ContactRowError ToError(int vendorRow, string? column, string reason, string? phone, IReadOnlyList<Contact> uploaded)
    {
        var index = vendorRow - 2;
        return index >= 0 && index < uploaded.Count
            ? new ContactRowError(uploaded[index].Row, column, reason, uploaded[index].PhoneNumber)
            : new ContactRowError(vendorRow, column, reason, phone is null ? null : PhoneNumberNormalizer.NormalizeOrKeep(phone));
    }
}
