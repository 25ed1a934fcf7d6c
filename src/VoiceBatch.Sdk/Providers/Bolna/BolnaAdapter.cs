using Microsoft.Extensions.Options;
using VoiceBatch.Http;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.Bolna;

/// <summary>
/// Bolna → canonical. Mapping tables follow VENDORS.md row for row.
/// <list type="bullet">
/// <item>Total = <c>valid_contacts</c> (calls are placed only for valid rows; <c>total_contacts − valid_contacts</c> rows were invalid and stay visible in <see cref="BatchCall.Raw"/>).</item>
/// <item><c>execution_status</c> (status → count) is mapped key by key with the execution-status table; Bolna's own examples can add up to more than <c>valid_contacts</c>, so Pending clamps at 0 and Fraction at 1.</item>
/// <item>An unreadable timestamp (the seed's own <c>04:22:89</c>) reads as null and never fails the batch.</item>
/// <item><c>stopped</c> executions count as Cancelled: Bolna's dashboard groups them with failures, but a user's stop is not a fault of the call.</item>
/// </list>
/// </summary>
internal sealed class BolnaAdapter(IBolnaApi api, IOptions<BolnaOptions> options) : IBatchCallProvider
{
    private static readonly ProviderCapabilities Supported = new()
    {
        CanGet = true,
    };

    public ProviderId Id => ProviderId.Bolna;

    public ProviderCapabilities Capabilities { get; } = Supported.Without(options.Value.DisabledOperations);

    public async Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var response = await api.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
        var wire = await WireResponse.ReadAsync(response, VoiceBatchJsonContext.Default.BolnaBatchDto, Id, cancellationToken).ConfigureAwait(false);
        return ToBatch(wire.Value, wire.Raw, batchId);
    }

    internal static BatchCall ToBatch(BolnaBatchDto dto, System.Text.Json.JsonElement raw, string? fallbackId = null)
    {
        var progress = ToProgress(dto);
        return new BatchCall
        {
            Provider = ProviderId.Bolna,
            Id = dto.BatchId ?? fallbackId ?? string.Empty,
            Name = dto.FileName,
            AgentId = dto.AgentId,
            Status = MapBatchStatus(dto.Status, progress),
            RawStatus = dto.Status,
            Progress = progress,
            CreatedAt = Timestamps.Read(dto.CreatedAt),
            UpdatedAt = Timestamps.Read(dto.UpdatedAt),
            ScheduledAt = Timestamps.Read(dto.ScheduledAt),
            FromPhoneNumber = dto.FromPhoneNumber,
            Raw = raw,
        };
    }

    internal static BatchProgress ToProgress(BolnaBatchDto dto)
    {
        int inProgress = 0, completed = 0, failed = 0, cancelled = 0, queued = 0;
        foreach (var (word, count) in dto.ExecutionStatus ?? [])
        {
            switch (MapCallStatus(word))
            {
                case CallStatus.Ringing or CallStatus.InProgress: inProgress += count; break;
                case CallStatus.Completed: completed += count; break;
                case CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Busy: failed += count; break;
                case CallStatus.Cancelled: cancelled += count; break;
                default: queued += count; break;
            }
        }

        return BatchProgress.FromCounts(dto.ValidContacts, inProgress, completed, failed, cancelled);
    }

    /// <summary>Batch status table (VENDORS.md, Bolna).</summary>
    internal static BatchStatus MapBatchStatus(string? word, BatchProgress progress) => StatusWord.Normalize(word) switch
    {
        "created" => BatchStatus.Draft,
        "scheduled" => BatchStatus.Scheduled,
        "queued" => BatchStatus.Queued,
        "running" => BatchStatus.Running,
        "executed" => progress.InProgress == 0 && progress.Pending == 0 ? BatchStatus.Completed : BatchStatus.Running,
        "completed" => BatchStatus.Completed,
        "stopped" or "cancelled" => BatchStatus.Cancelled,
        "failed" => BatchStatus.Failed,
        _ => BatchStatus.Unknown,
    };

    /// <summary>Execution status table (VENDORS.md, Bolna; the OpenAPI's 15 values).</summary>
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
}
