namespace VoiceBatch;

/// <summary>
/// The outcome or stage of one call, with the same meaning on every vendor. The vendor's own word is kept in
/// <see cref="CallRecord.RawStatus"/>.
/// </summary>
public enum CallStatus
{
    /// <summary>The vendor's status word was missing or not recognised; <see cref="CallRecord.RawStatus"/> keeps it.</summary>
    Unknown = 0,

    /// <summary>Not yet dialled and not yet handed to the dialler.</summary>
    Pending,

    /// <summary>Handed to the dialler, waiting for a line (also scheduled or rescheduled retries).</summary>
    Queued,

    /// <summary>Dialling or ringing; nobody has answered yet.</summary>
    Ringing,

    /// <summary>Answered; the conversation is going on.</summary>
    InProgress,

    /// <summary>A conversation happened and ended normally.</summary>
    Completed,

    /// <summary>The call could not be made or broke (error, insufficient balance, retries exhausted).</summary>
    Failed,

    /// <summary>Rang out unanswered, or reached voicemail.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>Not placed, or cut short, because a user cancelled or stopped the batch.</summary>
    Cancelled,
}
