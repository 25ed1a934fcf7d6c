namespace VoiceBatch.Internal;

/// <summary>The common call-status table (VENDORS.md) for vendors that do not define their own.</summary>
internal static class CommonCallStatus
{
    public static CallStatus Map(string? word) => StatusWord.Normalize(word) switch
    {
        "completed" or "calldisconnected" or "answered" or "success" => CallStatus.Completed,
        "failed" or "error" or "balancelow" => CallStatus.Failed,
        "noanswer" or "notanswered" or "voicemail" => CallStatus.NoAnswer,
        "busy" => CallStatus.Busy,
        "ringing" or "initiated" or "dialing" => CallStatus.Ringing,
        "inprogress" or "ongoing" or "connected" => CallStatus.InProgress,
        "queued" or "scheduled" => CallStatus.Queued,
        "pending" or "created" => CallStatus.Pending,
        "cancelled" or "stopped" => CallStatus.Cancelled,
        _ => CallStatus.Unknown,
    };
}
