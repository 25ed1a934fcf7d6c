namespace VoiceBatch.Testing.Engine;

/// <summary>
/// One contact of a simulated batch and its attempts. Its state at any moment follows from its attempts, so a
/// vendor read only has to ask <see cref="StateAt"/>; the batch decides when it is dialled.
/// </summary>
internal sealed class SimCall(string id, int index, SimulatedContact contact, CallOutcome plannedOutcome, TimeSpan plannedTalk)
{
    private readonly List<CallAttempt> _attempts = [];

    /// <summary>The call's id on the vendor (each simulator chooses its own id style).</summary>
    public string Id { get; } = id;

    /// <summary>0-based position in the batch (the upload order).</summary>
    public int Index { get; } = index;

    /// <summary>The contact as received.</summary>
    public SimulatedContact Contact { get; } = contact;

    /// <summary>Every dialling so far, oldest first.</summary>
    public IReadOnlyList<CallAttempt> Attempts => _attempts;

    /// <summary>The latest attempt, or null before the first dial.</summary>
    public CallAttempt? Latest => _attempts.Count == 0 ? null : _attempts[^1];

    /// <summary>True while the call waits to be dialled (first time, or again after a retry).</summary>
    public bool AwaitingDial { get; private set; } = true;

    /// <summary>When the batch was stopped before this call was dialled (else null).</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The outcome the next attempt will have.</summary>
    public CallOutcome PlannedOutcome { get; private set; } = plannedOutcome;

    /// <summary>The talk time the next answered attempt will have.</summary>
    public TimeSpan PlannedTalk { get; private set; } = plannedTalk;

    /// <summary>When the call's state last changed at or before <paramref name="at"/> (null when it never changed).</summary>
    public DateTimeOffset? ChangedAt(DateTimeOffset at)
    {
        if (CancelledAt is { } c && c <= at) return c;
        if (Latest is not { } a || a.DialedAt > at) return null;
        if (at >= a.EndsAt) return a.EndsAt;
        return at >= a.RingEndsAt ? a.RingEndsAt : a.DialedAt;
    }

    /// <summary>The call's state at <paramref name="at"/>.</summary>
    public CallState StateAt(DateTimeOffset at)
    {
        if (CancelledAt is not null) return CallState.Cancelled;
        if (AwaitingDial || Latest is not { } attempt || attempt.DialedAt > at) return CallState.Pending;
        return attempt.StateAt(at);
    }

    /// <summary>True when the line is busy with this call at <paramref name="at"/>.</summary>
    public bool IsLiveAt(DateTimeOffset at) => !AwaitingDial && Latest is { } a && a.IsLiveAt(at);

    /// <summary>Dials the call at <paramref name="at"/> with the planned outcome.</summary>
    public void Dial(DateTimeOffset at, TimeSpan ring)
    {
        var attempt = PlannedOutcome switch
        {
            CallOutcome.Answered => new CallAttempt(at, at + ring, at + ring + PlannedTalk, CallOutcome.Answered),
            CallOutcome.NoAnswer => new CallAttempt(at, at + ring * 2, at + ring * 2, CallOutcome.NoAnswer),
            _ => new CallAttempt(at, at + ring / 4, at + ring / 4, PlannedOutcome),
        };
        _attempts.Add(attempt);
        AwaitingDial = false;
    }

    /// <summary>Marks a not-yet-dialled call as cancelled.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (AwaitingDial && CancelledAt is null) CancelledAt = at;
    }

    /// <summary>Queues the call to be dialled again, with a fresh outcome.</summary>
    public void QueueRetry(CallOutcome outcome, TimeSpan talk)
    {
        PlannedOutcome = outcome;
        PlannedTalk = talk;
        AwaitingDial = true;
    }
}
