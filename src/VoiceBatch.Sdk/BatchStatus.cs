namespace VoiceBatch;

/// <summary>
/// Where a batch is in its life, with the same meaning on every vendor. The vendor's own word is kept in
/// <see cref="BatchCall.RawStatus"/>; see each adapter's XML docs for its mapping table.
/// </summary>
public enum BatchStatus
{
    /// <summary>The vendor's status word was missing or not recognised; <see cref="BatchCall.RawStatus"/> keeps it.</summary>
    Unknown = 0,

    /// <summary>Created but not yet launched (e.g. Bolna <c>created</c>, DialNexa <c>draft</c>): no call will be placed until it is started or scheduled.</summary>
    Draft,

    /// <summary>Will start by itself at <see cref="BatchCall.ScheduledAt"/>.</summary>
    Scheduled,

    /// <summary>Accepted and waiting to start (e.g. DialNexa <c>initiated</c>/<c>active</c>, VoiceAI <c>pending</c>).</summary>
    Queued,

    /// <summary>Calls are being placed.</summary>
    Running,

    /// <summary>Paused by a user; resumes only when asked.</summary>
    Paused,

    /// <summary>Every call has been attempted; the batch is over. Individual calls may still have failed.</summary>
    Completed,

    /// <summary>The batch itself failed (not merely some of its calls).</summary>
    Failed,

    /// <summary>Stopped by a user before it finished (cancelled, stopped, deleted).</summary>
    Cancelled,
}
