using System.Text.Json;

namespace VoiceBatch;

/// <summary>
/// One batch-call campaign as the canonical model sees it: the same meaning on every vendor. What the vendor
/// itself said stays available in <see cref="RawStatus"/> and <see cref="Raw"/>.
/// </summary>
public sealed record BatchCall
{
    /// <summary>The vendor that runs the batch.</summary>
    public required ProviderId Provider { get; init; }

    /// <summary>The vendor's id of the batch (use it with every other operation).</summary>
    public required string Id { get; init; }

    /// <summary>The batch's display name, if any (for Bolna, the uploaded file's name when there is nothing better).</summary>
    public string? Name { get; init; }

    /// <summary>The voice agent that places the calls, if the vendor says.</summary>
    public string? AgentId { get; init; }

    /// <summary>The agent's display name, if the vendor says.</summary>
    public string? AgentName { get; init; }

    /// <summary>The canonical status; <see cref="BatchStatus.Unknown"/> when the vendor's word is not recognised.</summary>
    public BatchStatus Status { get; init; }

    /// <summary>The vendor's own status word, exactly as sent (null when it sent none).</summary>
    public string? RawStatus { get; init; }

    /// <summary>Whole-batch counters.</summary>
    public BatchProgress Progress { get; init; } = BatchProgress.Empty;

    /// <summary>When the batch was created (UTC offset as sent), if known and readable.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the vendor last changed the batch, if known and readable (an invalid vendor timestamp reads as null).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the batch is (or was) scheduled to start, if it was scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The caller number (or the vendor's caller-number id where the vendor only deals in ids).</summary>
    public string? FromPhoneNumber { get; init; }

    /// <summary>The calls the vendor returned inline with the batch; empty when it returns none (use
    /// <see cref="IBatchCallClient.GetCallsAsync"/> to read every call).</summary>
    public IReadOnlyList<CallRecord> Calls { get; init; } = [];

    /// <summary>True when the batch will not change any more: <see cref="BatchStatus.Completed"/>,
    /// <see cref="BatchStatus.Failed"/> or <see cref="BatchStatus.Cancelled"/>.</summary>
    public bool IsTerminal => Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled;

    /// <summary>The vendor's own JSON for this batch, for fields the canonical model does not carry.</summary>
    public JsonElement? Raw
    {
        get => RawJson?.Element;
        init => RawJson = Http.Json.RawJson.Of(value);
    }

    /// <summary>The vendor's JSON as the SDK read it, parsed into <see cref="Raw"/> only when someone asks.</summary>
    internal Http.Json.RawJson? RawJson { get; init; }
}
