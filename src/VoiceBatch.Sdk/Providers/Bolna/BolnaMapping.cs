using System.Text.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna's batch → canonical mapping: the batch-status table, the execution-status table and the counters, in one
/// place (VENDORS.md, Bolna, row for row).
/// </summary>
internal static class BolnaMapping
{
    internal static BatchCall ToBatch(BolnaBatchDto dto, JsonElement raw, string? fallbackId = null) => new()
    {
        Provider = ProviderId.Bolna,
        Id = dto.BatchId ?? fallbackId ?? string.Empty,
        Name = dto.FileName,
        AgentId = dto.AgentId,
        Status = MapBatchStatus(dto.Status, dto.ExecutionStatus),
        RawStatus = dto.Status,
        Progress = ToProgress(dto),
        CreatedAt = Timestamps.Read(dto.CreatedAt),
        UpdatedAt = Timestamps.Read(dto.UpdatedAt),
        ScheduledAt = Timestamps.Read(dto.ScheduledAt),
        FromPhoneNumber = dto.FromPhoneNumber,
        Raw = raw,
    };

    /// <summary>
    /// Total = <c>valid_contacts</c>; each <c>execution_status</c> key is mapped with <see cref="MapCallStatus"/>.
    /// Queued/scheduled executions are the vendor's own "not yet placed" count only when <c>valid_contacts</c> is
    /// absent (otherwise Pending is derived from Total, because contacts without an execution yet are pending too).
    /// Keys the table does not know are not counted (they stay in Raw).
    /// </summary>
    internal static BatchProgress ToProgress(BolnaBatchDto dto)
    {
        int inProgress = 0, completed = 0, failed = 0, cancelled = 0, waiting = 0;
        foreach (var (word, count) in dto.ExecutionStatus ?? [])
        {
            switch (MapCallStatus(word))
            {
                case CallStatus.Ringing or CallStatus.InProgress: inProgress += count; break;
                case CallStatus.Completed: completed += count; break;
                case CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Busy: failed += count; break;
                case CallStatus.Cancelled: cancelled += count; break;
                case CallStatus.Queued or CallStatus.Pending: waiting += count; break;
            }
        }

        return BatchProgress.FromCounts(dto.ValidContacts, inProgress, completed, failed, cancelled,
            pending: dto.ValidContacts is null && waiting > 0 ? waiting : null);
    }

    /// <summary>
    /// Batch status table. <c>executed</c> means Bolna has worked through the file, but retries and late calls can
    /// still be open: it is Completed only when no <c>execution_status</c> key that means "still to dial or on the
    /// line" (scheduled, queued, rescheduled, initiated, ringing, in-progress) has a count above 0, else Running.
    /// The decision reads those keys themselves, never <c>valid_contacts</c> (which may be absent or smaller than
    /// the counts).
    /// </summary>
    internal static BatchStatus MapBatchStatus(string? word, IReadOnlyDictionary<string, int>? executionStatus) => StatusWord.Normalize(word) switch
    {
        "created" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "queued" => BatchStatus.Queued,
        "running" => BatchStatus.Running,
        "executed" => HasOpenExecutions(executionStatus) ? BatchStatus.Running : BatchStatus.Completed,
        "completed" => BatchStatus.Completed,
        "stopped" or "cancelled" => BatchStatus.Cancelled,
        "failed" => BatchStatus.Failed,
        _ => BatchStatus.Unknown,
    };

    /// <summary>
    /// Execution status table (the OpenAPI's 15 values). <c>stopped</c> → Cancelled: Bolna's dashboard groups it with
    /// failures, but a user's stop is a cancellation, not a fault of the call.
    /// </summary>
    internal static CallStatus MapCallStatus(string? word) => StatusWord.Normalize(word) switch
    {
        "scheduled" or "queued" or "rescheduled" => CallStatus.Queued,
        "initiated" or "ringing" => CallStatus.Ringing,
        "inprogress" => CallStatus.InProgress,
        "calldisconnected" or "completed" => CallStatus.Completed,
        "busy" => CallStatus.Busy,
        "noanswer" => CallStatus.NoAnswer,
        "balancelow" or "failed" or "error" => CallStatus.Failed,
        "cancelled" or "stopped" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };

    private static bool HasOpenExecutions(IReadOnlyDictionary<string, int>? executionStatus)
    {
        foreach (var (word, count) in executionStatus ?? new Dictionary<string, int>())
        {
            if (count > 0 && MapCallStatus(word) is CallStatus.Queued or CallStatus.Ringing or CallStatus.InProgress) return true;
        }

        return false;
    }
}
