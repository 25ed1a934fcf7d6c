using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>batch-details → canonical: the batch-status table, the words counted for whole-batch counters, and the
/// call-record mapping, in one place (VENDORS.md, batch-details; call statuses use the common table).</summary>
internal static class BatchDetailsMapping
{
    /// <summary>Record members with a canonical meaning (or bookkeeping); every other top-level scalar is a variable.</summary>
    private static readonly HashSet<string> NotVariables = new(StringComparer.Ordinal) { "_id", "phoneNumber", "name", "createdAt", "updatedAt", "__v", "phoneLogs" };

    /// <summary>
    /// The outcome words of the common call-status table whose <c>data.total</c> is read (one <c>limit=1</c> request
    /// each) for a large batch's counters. Words meaning "not dialled yet" (pending, created, queued, scheduled) are not
    /// asked for: records without any attempt match no filter, so Pending is derived (Total − Finished − InProgress).
    /// </summary>
    public static readonly IReadOnlyList<string> CountedWords =
    [
        "completed", "call-disconnected", "answered", "success",
        "failed", "error", "balance-low",
        "no-answer", "not-answered", "voicemail", "busy",
        "ringing", "initiated", "dialing",
        "in-progress", "ongoing", "connected",
        "cancelled", "canceled", "stopped",
    ];

    /// <summary>
    /// Batch status table: the seed's <c>active</c> → Running, <c>completed</c>, <c>paused</c>; the rest by the common
    /// batch vocabulary (draft/created → Draft, scheduled, queued/pending → Queued, running/in-progress/processing →
    /// Running, finished → Completed, failed, cancelled/canceled/stopped → Cancelled); anything else Unknown.
    /// </summary>
    public static BatchStatus MapBatchStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "draft" or "created" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "queued" or "pending" => BatchStatus.Queued,
        "active" or "running" or "inprogress" or "processing" => BatchStatus.Running,
        "paused" => BatchStatus.Paused,
        "completed" or "finished" => BatchStatus.Completed,
        "failed" => BatchStatus.Failed,
        "cancelled" or "stopped" => BatchStatus.Cancelled,
        _ => BatchStatus.Unknown,
    };

    /// <summary>The vendor word sent as <c>filter={"callStatus":…}</c> for a canonical status; null when no single
    /// word means it (Pending = no attempt yet, Unknown).</summary>
    public static string? FilterWord(CallStatus status) => status switch
    {
        CallStatus.Completed => "completed",
        CallStatus.Failed => "failed",
        CallStatus.NoAnswer => "no-answer",
        CallStatus.Busy => "busy",
        CallStatus.Ringing => "ringing",
        CallStatus.InProgress => "in-progress",
        CallStatus.Queued => "queued",
        CallStatus.Cancelled => "cancelled",
        _ => null,
    };

    /// <summary>
    /// One call record. <c>_id</c> → Id; <c>phoneNumber</c> (often digits without <c>+</c>) → E.164 when it parses,
    /// else as given; <c>name</c>; <c>createdAt</c>; every other top-level scalar (<c>account_id</c>, <c>priority</c>, …)
    /// → Variables as text (<c>updatedAt</c> and <c>__v</c> are bookkeeping, not variables). <c>phoneLogs[]</c> are the
    /// attempts: the latest by <c>createdAt</c> (the later one in the array on a tie or an unreadable date) gives
    /// Status (<c>callStatus</c>, common table), Duration (<c>callDuration</c> seconds), RecordingUrl, Transcript and
    /// UpdatedAt (its <c>updatedAt</c>, else its <c>createdAt</c>). No attempts → Pending.
    /// </summary>
    public static CallRecord ToCall(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object) return new CallRecord { Status = CallStatus.Unknown, Raw = record };

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in record.EnumerateObject())
        {
            if (!NotVariables.Contains(member.Name) && WireJson.Text(member.Value) is { } value) variables[member.Name] = value;
        }

        var call = new CallRecord
        {
            Id = WireJson.Text(record, "_id"),
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(WireJson.Text(record, "phoneNumber")),
            Name = WireJson.Text(record, "name"),
            Status = CallStatus.Pending,
            Variables = variables,
            CreatedAt = WireJson.Time(record, "createdAt"),
            UpdatedAt = WireJson.Time(record, "updatedAt"),
            Raw = record,
        };

        if (LatestAttempt(record) is not { } log) return call;
        var word = WireJson.Text(log, "callStatus");
        return call with
        {
            Status = CommonCallStatus.Map(word),
            RawStatus = word,
            Duration = WireJson.Seconds(log, "callDuration"),
            RecordingUrl = WireJson.Url(log, "recordingUrl"),
            Transcript = log.TryGetProperty("transcript", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
            UpdatedAt = WireJson.Time(log, "updatedAt") ?? WireJson.Time(log, "createdAt") ?? call.UpdatedAt,
        };
    }

    private static JsonElement? LatestAttempt(JsonElement record)
    {
        if (!record.TryGetProperty("phoneLogs", out var logs) || logs.ValueKind != JsonValueKind.Array) return null;
        JsonElement? latest = null;
        var latestAt = DateTimeOffset.MinValue;
        foreach (var log in logs.EnumerateArray())
        {
            if (log.ValueKind != JsonValueKind.Object) continue;
            var at = WireJson.Time(log, "createdAt") ?? DateTimeOffset.MinValue;
            if (latest is null || at >= latestAt)
            {
                latest = log;
                latestAt = at;
            }
        }

        return latest;
    }
}
