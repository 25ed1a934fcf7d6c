using System.Text.Json;
using VoiceBatch.Contacts;
using VoiceBatch.Http.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>batch-details → canonical, every table in one place: the batch-status table, the words counted for whole-batch
/// counters, the filter words and the call-record mapping (VENDORS.md, batch-details; call statuses use the common table).</summary>
internal static class BatchDetailsMapping
{
    /// <summary>
    /// The outcome words of the common call-status table whose <c>data.total</c> is read (one <c>limit=1</c> request
    /// each) for a large batch's counters. Words meaning "not dialled yet" are not asked for: records without any attempt
    /// match no filter, so Pending is derived (Total − Finished − InProgress).
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
    /// Batch status: the seed's <c>active</c> → Running, <c>completed</c>, <c>paused</c>; the rest by the common batch
    /// vocabulary (draft/created → Draft, scheduled, queued/pending → Queued, running/in-progress/processing → Running,
    /// finished → Completed, failed, cancelled/canceled/stopped → Cancelled); anything else Unknown.
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

    /// <summary>The vendor word sent as <c>filter={"callStatus":…}</c> for a canonical status; null when no single word means
    /// it (Pending = no attempt yet, Unknown).</summary>
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

    /// <summary><c>{"callStatus":"word"}</c>, the filter the seed documents.</summary>
    public static string Filter(string callStatus) => $"{{\"callStatus\":{JsonSerializer.Serialize(callStatus, BatchDetailsJsonContext.Default.String)}}}";

    /// <summary>The counters of a large batch: each counted word's total through the common call-status table into the tally.</summary>
    public static BatchProgress FromWordCounts(IEnumerable<KeyValuePair<string, int>> counts, int? total)
        => BatchProgress.FromCallCounts(counts.Select(c => KeyValuePair.Create(CommonCallStatus.Map(c.Key), c.Value)).Where(c => c.Key != CallStatus.Unknown), total);

    /// <summary>A count the vendor sends; a negative value is garbage and reads as unknown.</summary>
    public static int? Count(int? value) => value is >= 0 ? value : null;

    /// <summary>
    /// One call record. <c>_id</c> → Id; <c>phoneNumber</c> (often digits without <c>+</c>) → E.164 when it parses, else as
    /// given; <c>name</c>; <c>createdAt</c>; every other top-level scalar (<c>account_id</c>, <c>priority</c>, …) → Variables as
    /// text (<c>__v</c> is bookkeeping). <c>phoneLogs[]</c> are the attempts: the latest by <c>createdAt</c> (the later one in
    /// the array on a tie or an unreadable date) gives Status (<c>callStatus</c>, common table), Duration (<c>callDuration</c>
    /// seconds), RecordingUrl, Transcript and UpdatedAt (its <c>updatedAt</c>, else its <c>createdAt</c>). No attempts → Pending.
    /// </summary>
    public static CallRecord ToCall(Wire<BatchDetailsRecord> wire)
    {
        if (wire.Value is not { } record) return new CallRecord { Status = CallStatus.Unknown, RawJson = wire.Json };

        var latest = record.LatestLog;
        return new CallRecord
        {
            Id = record.Id,
            PhoneNumber = PhoneNumberNormalizer.NormalizeOrKeep(record.PhoneNumber),
            Name = record.Name,
            Status = latest is null ? CallStatus.Pending : CommonCallStatus.Map(latest.CallStatus),
            RawStatus = latest?.CallStatus,
            Duration = latest?.CallDuration,
            RecordingUrl = latest?.RecordingUrl,
            Transcript = latest?.Transcript,
            Variables = record.Fields,
            CreatedAt = record.CreatedAt,
            UpdatedAt = latest is null ? record.UpdatedAt : latest.UpdatedAt ?? latest.CreatedAt ?? record.UpdatedAt,
            RawJson = wire.Json,
        };
    }
}
