using VoiceBatch.Testing.Engine;

namespace VoiceBatch.Testing.Vendors.ConvAI;

/// <summary>
/// The batch-calling status words shared by ElevenLabs and VoiceAI: batch <c>pending, in_progress, completed, failed,
/// cancelled</c> (seed 001; ElevenLabs <c>BatchCallStatus</c>), recipient <c>pending, dispatched, initiated, in_progress,
/// completed, failed, cancelled, voicemail</c> (ElevenLabs <c>BatchCallRecipientStatus</c>; ThreeTone publishes no list).
/// </summary>
internal static class ConvAIWords
{
    public static string Batch(BatchPhase phase) => phase switch
    {
        BatchPhase.Created or BatchPhase.Scheduled or BatchPhase.Queued => "pending",
        BatchPhase.Running or BatchPhase.Paused => "in_progress",
        BatchPhase.Completed => "completed",
        _ => "cancelled",
    };

    /// <summary>A recipient's word. Ringing is <c>dispatched</c> (handed to telephony) for its first half, then
    /// <c>initiated</c>; an unanswered call ends as <c>voicemail</c>, a busy or failed one as <c>failed</c>.</summary>
    public static string Recipient(SimCall call, DateTimeOffset now) => call.StateAt(now) switch
    {
        CallState.Pending => "pending",
        CallState.Ringing when call.Latest is { } a && now < a.DialedAt + (a.RingEndsAt - a.DialedAt) / 2 => "dispatched",
        CallState.Ringing => "initiated",
        CallState.InProgress => "in_progress",
        CallState.Completed => "completed",
        CallState.NoAnswer => "voicemail",
        CallState.Cancelled => "cancelled",
        _ => "failed",
    };
}
