using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Internal;
using static VoiceBatch.Internal.WireJson;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>
/// DialNexa → canonical, in one place: the batch-status table, the call-log status table, the field aliases and
/// the counter mapping (VENDORS.md, DialNexa, row for row).
/// </summary>
internal static class DialNexaMapping
{
    /// <summary>Batch status table. <c>active</c> means ready or waiting (for its start time or another batch), not dialling.</summary>
    internal static BatchStatus MapBatchStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "initiated" or "queued" or "waiting" or "active" => BatchStatus.Queued,
        "draft" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "running" or "processing" => BatchStatus.Running,
        "paused" => BatchStatus.Paused,
        "completed" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "cancelled" or "deleted" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>The batch status, with a waiting batch (<c>initiated</c>/<c>queued</c>/<c>waiting</c>/<c>active</c>)
    /// whose <c>scheduled_at</c> is still ahead of <paramref name="now"/> reported as <see cref="BatchStatus.Scheduled"/>.</summary>
    internal static BatchStatus MapBatchStatus(string? word, DateTimeOffset? scheduledAt, DateTimeOffset now)
    {
        var status = MapBatchStatus(word);
        return status == BatchStatus.Queued && scheduledAt > now ? BatchStatus.Scheduled : status;
    }

    /// <summary>Call-log status table (DialNexa's statuses reference).</summary>
    internal static CallStatus MapCallStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "created" => CallStatus.Pending,
        "initiated" => CallStatus.Queued,
        "sent" => CallStatus.Ringing,
        "received" => CallStatus.InProgress,
        "completed" => CallStatus.Completed,
        "didnotpick" or "noanswer" => CallStatus.NoAnswer,
        "busy" => CallStatus.Busy,
        "failed" or "retryexpired" => CallStatus.Failed,
        "cancelled" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    /// <summary>Field aliases: Total ← <c>total_leads</c> (schema) | <c>total_calls</c> (prose) | <c>total_records</c> |
    /// <c>total_lead_count</c> (list items); Completed ← <c>completed</c> | <c>completed_calls</c>; Failed ← <c>failed</c> |
    /// <c>failed_calls</c>. Schema first. DialNexa gives no in-progress count, so InProgress is 0 and
    /// <see cref="BatchProgress.FromCounts"/> derives Pending, Finished and Fraction.</summary>
    internal static BatchProgress ToProgress(DialNexaBatchDto dto)
    {
        var total = Int(dto.TotalLeads) ?? Int(dto.TotalCalls) ?? Int(dto.TotalRecords) ?? Int(dto.TotalLeadCount);
        var completed = Int(dto.Completed) ?? Int(dto.CompletedCalls) ?? 0;
        var failed = Int(dto.Failed) ?? Int(dto.FailedCalls) ?? 0;
        return BatchProgress.FromCounts(total, inProgress: 0, completed: completed, failed: failed);
    }

    /// <summary>A batch record (get, list item, create answer or action answer's <c>campaign</c>). Name ← <c>name</c> | <c>title</c>.</summary>
    internal static BatchCall ToBatch(DialNexaBatchDto dto, JsonElement raw, string? fallbackId, DateTimeOffset now)
    {
        var rawStatus = Text(dto.Status);
        var scheduledAt = Time(dto.ScheduledAt);
        return new BatchCall
        {
            Provider = ProviderId.DialNexa,
            Id = Text(dto.Id) ?? fallbackId ?? string.Empty,
            Name = Text(dto.Name) ?? Text(dto.Title),
            AgentId = Text(dto.AgentId),
            AgentName = Text(dto.AgentName),
            Status = MapBatchStatus(rawStatus, scheduledAt, now),
            RawStatus = rawStatus,
            Progress = ToProgress(dto),
            CreatedAt = Time(dto.CreatedAt, dto.CreatedAtCamel),
            UpdatedAt = Time(dto.UpdatedAt, dto.UpdatedAtCamel),
            ScheduledAt = scheduledAt,
            FromPhoneNumber = Text(dto.FromPhoneNumber),
            Raw = raw,
        };
    }

    /// <summary>The newer batch read <c>{callLogs[], total, page, limit, totalPages}</c>, which carries no batch status:
    /// Id = the id asked for, Status Unknown (RawStatus null), the logs → Calls, Total = <c>total</c>, and the other
    /// counters counted from the logs only when every log is on this page (else only Total is known).</summary>
    internal static BatchCall FromCallLogPage(DialNexaPage page, JsonElement raw, string batchId)
    {
        var calls = page.Items.Select(ToCall).ToList();
        var everyLogHere = page.Total is { } total ? calls.Count >= total : page.TotalPages is null or <= 1;
        return new BatchCall
        {
            Provider = ProviderId.DialNexa,
            Id = batchId,
            Status = BatchStatus.Unknown,
            RawStatus = null,
            Progress = everyLogHere
                ? BatchProgress.FromCallStatuses(calls.Select(c => c.Status), page.Total)
                : BatchProgress.FromCounts(page.Total),
            Calls = calls,
            Raw = raw,
        };
    }

    /// <summary>One call log. <c>to_number</c> → PhoneNumber (E.164 when it parses, else as sent), <c>duration</c> in
    /// seconds, <c>createdAt</c> | <c>created_at</c>, <c>recording_url</c>. <c>end_reason</c>, <c>from_number</c> and
    /// <c>summary</c> have no canonical field and stay in <see cref="CallRecord.Raw"/>.</summary>
    internal static CallRecord ToCall(JsonElement raw)
    {
        var dto = raw.ValueKind == JsonValueKind.Object
            ? raw.Deserialize(Http.VoiceBatchJsonContext.Default.DialNexaCallLogDto) ?? new DialNexaCallLogDto()
            : new DialNexaCallLogDto();
        var rawStatus = Text(dto.Status);
        return new CallRecord
        {
            Id = Text(dto.Id),
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(Text(dto.ToNumber)),
            Status = MapCallStatus(rawStatus),
            RawStatus = rawStatus,
            Duration = Seconds(dto.Duration),
            RecordingUrl = Url(dto.RecordingUrl) ?? Url(dto.RecordingUrlCamel),
            Transcript = Text(dto.Transcript),
            CreatedAt = Time(dto.CreatedAtCamel, dto.CreatedAt),
            UpdatedAt = Time(dto.UpdatedAtCamel, dto.UpdatedAt),
            Raw = raw,
        };
    }
}
