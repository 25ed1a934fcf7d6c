namespace VoiceBatch.Testing;

/// <summary>
/// A batch a simulated vendor accepted, as it received it — for a test to assert on what was actually sent
/// ("one batch, three contacts, E.164 numbers, the variables intact"). A snapshot: read
/// <see cref="VoiceBatchSimulator.Batches"/> again for the current state.
/// </summary>
public sealed record SimulatedBatch
{
    /// <summary>The vendor that accepted the batch.</summary>
    public required ProviderId Provider { get; init; }

    /// <summary>The vendor's id for the batch.</summary>
    public required string Id { get; init; }

    /// <summary>The batch's name as sent (<c>title</c>/<c>name</c>, <c>call_name</c>, Bolna's file name), when any.</summary>
    public string? Name { get; init; }

    /// <summary>The agent the batch calls with, as sent.</summary>
    public string? AgentId { get; init; }

    /// <summary>The contacts, in the order received.</summary>
    public required IReadOnlyList<SimulatedContact> Contacts { get; init; }

    /// <summary>Every scalar field of the create as received: multipart form fields (e.g. <c>title</c>, <c>starts_at</c>,
    /// <c>retry_config</c>) or the JSON body's top-level members (e.g. <c>call_name</c>, <c>scheduled_time_unix</c>).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>When the vendor accepted it (simulator clock).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The start time asked for (create field or schedule call), when any.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The batch's status in the vendor's own word at the time of the snapshot (e.g. <c>running</c>, <c>executed</c>).</summary>
    public required string Status { get; init; }
}
