namespace VoiceBatch.Testing.Engine;

/// <summary>How a simulated call ends (drawn from <see cref="CallOutcomeMix"/>).</summary>
internal enum CallOutcome
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>Where one simulated call is at a moment, in vendor-neutral words; each simulator renders it in its own.</summary>
internal enum CallState
{
    /// <summary>Not dialled yet (or waiting for a retry).</summary>
    Pending,

    /// <summary>Dialled, ringing.</summary>
    Ringing,

    /// <summary>Answered, the conversation is going on.</summary>
    InProgress,

    /// <summary>Answered and ended normally.</summary>
    Completed,

    /// <summary>Rang out unanswered.</summary>
    NoAnswer,

    /// <summary>Met a busy line.</summary>
    Busy,

    /// <summary>Could not be placed.</summary>
    Failed,

    /// <summary>Never dialled: the batch was stopped first.</summary>
    Cancelled,
}

/// <summary>Where one simulated batch is, in vendor-neutral words; each simulator renders it in its own.</summary>
internal enum BatchPhase
{
    /// <summary>Accepted but not yet launched (Bolna's <c>created</c>: uploaded, waiting for its schedule call).</summary>
    Created,

    /// <summary>Will start at its start time.</summary>
    Scheduled,

    /// <summary>Start time reached; no call dialled yet (lasts <see cref="SimulatorOptions.QueueDelay"/>).</summary>
    Queued,

    /// <summary>Calls are being placed.</summary>
    Running,

    /// <summary>Paused by the user: calls on the line finish, no new call is dialled.</summary>
    Paused,

    /// <summary>Every call has ended.</summary>
    Completed,

    /// <summary>Stopped by the user: calls not yet dialled are cancelled, calls on the line finish.</summary>
    Cancelled,
}
