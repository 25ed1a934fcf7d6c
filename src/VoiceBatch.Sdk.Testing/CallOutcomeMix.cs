namespace VoiceBatch.Testing;

/// <summary>
/// How the simulated calls of a batch end, as relative weights: with the defaults (6, 2, 1, 1) six calls in ten are
/// answered, two ring out unanswered, one meets a busy line and one fails. Which contact gets which outcome is drawn
/// from <see cref="SimulatorOptions.Seed"/>, so the same seed and the same requests give the same outcomes.
/// </summary>
public sealed record CallOutcomeMix
{
    /// <summary>The default mix: 6 answered, 2 unanswered, 1 busy, 1 failed.</summary>
    public static CallOutcomeMix Default { get; } = new();

    /// <summary>Every call is answered (handy when a test only follows the happy path).</summary>
    public static CallOutcomeMix AllAnswered { get; } = new() { Answered = 1, NoAnswer = 0, Busy = 0, Failed = 0 };

    /// <summary>Weight of calls that are answered and end normally after a conversation.</summary>
    public int Answered { get; init; } = 6;

    /// <summary>Weight of calls that ring until they are given up (no answer, or a voicemail).</summary>
    public int NoAnswer { get; init; } = 2;

    /// <summary>Weight of calls that meet a busy line.</summary>
    public int Busy { get; init; } = 1;

    /// <summary>Weight of calls that fail (the carrier or the vendor could not place them).</summary>
    public int Failed { get; init; } = 1;

    internal void Validate()
    {
        if (Answered < 0 || NoAnswer < 0 || Busy < 0 || Failed < 0)
        {
            throw new ArgumentException("CallOutcomeMix weights cannot be negative.", nameof(SimulatorOptions.Outcomes));
        }

        if ((long)Answered + NoAnswer + Busy + Failed == 0)
        {
            throw new ArgumentException("CallOutcomeMix needs at least one weight above zero.", nameof(SimulatorOptions.Outcomes));
        }
    }
}
