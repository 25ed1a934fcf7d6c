namespace VoiceBatch.Testing.Engine;

/// <summary>One dialling of a call: when it was dialled, when the ringing stopped, when it ended, and how.</summary>
internal sealed record CallAttempt(DateTimeOffset DialedAt, DateTimeOffset RingEndsAt, DateTimeOffset EndsAt, CallOutcome Outcome)
{
    /// <summary>The conversation's length (zero when the call was not answered).</summary>
    public TimeSpan TalkTime => Outcome == CallOutcome.Answered ? EndsAt - RingEndsAt : TimeSpan.Zero;

    /// <summary>True while the line is busy with this attempt at <paramref name="at"/>.</summary>
    public bool IsLiveAt(DateTimeOffset at) => DialedAt <= at && at < EndsAt;

    /// <summary>The attempt's state at <paramref name="at"/> (from its dialling on).</summary>
    public CallState StateAt(DateTimeOffset at)
    {
        if (at < RingEndsAt) return CallState.Ringing;
        if (Outcome == CallOutcome.Answered) return at < EndsAt ? CallState.InProgress : CallState.Completed;
        return Outcome switch
        {
            CallOutcome.NoAnswer => CallState.NoAnswer,
            CallOutcome.Busy => CallState.Busy,
            _ => CallState.Failed,
        };
    }
}
