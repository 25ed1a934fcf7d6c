namespace VoiceBatch;

/// <summary>What <see cref="IBatchCallClient.CreateBatchAsync"/> needs to launch a batch. Validated before anything is sent.</summary>
public sealed class CreateBatchRequest
{
    /// <summary>The vendor's id of the voice agent that places the calls. Required.</summary>
    public required string AgentId { get; init; }

    /// <summary>The validated contacts to call (see <see cref="ContactList.LoadAsync(string, ContactListOptions?, CancellationToken)"/>). Required.</summary>
    public required ContactList Contacts { get; init; }

    /// <summary>A display name for the batch.</summary>
    public string? Name { get; init; }

    /// <summary>The caller number in E.164 (for VoiceAI: the vendor's caller phone-number id).</summary>
    public string? FromPhoneNumber { get; init; }

    /// <summary>When to start; null to start as soon as the vendor allows. Must not be in the past.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The most calls in flight at once, where the vendor supports a limit.</summary>
    public int? MaxConcurrentCalls { get; init; }

    /// <summary>How many times an unanswered or failed call is retried, where the vendor supports it.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>How long to wait between retries of one contact, where the vendor supports it.</summary>
    public TimeSpan? RetryInterval { get; init; }

    /// <summary>When true, contacts with row errors are left out and the rest are called; when false (the default),
    /// any row error stops the create before anything is sent.</summary>
    public bool SkipInvalidContacts { get; init; }
}
