using VoiceBatch.Testing.Engine;

namespace VoiceBatch.Testing.Vendors.DialNexa;

/// <summary>DialNexa's status words (current OpenAPI list filter / PATCH <c>campaign.status</c> enum; call-log words from
/// DialNexa's statuses reference "created, initiated, sent, received, completed, did_not_pick, busy, no_answer, failed,
/// cancelled, retry_expired").</summary>
internal static class DialNexaWords
{
    /// <summary>The create acknowledgement (OA create 201 example, seed 004).</summary>
    public const string Initiated = "initiated";

    /// <summary>Every batch word the current list filter accepts (OA <c>GET /v1/batch-calls</c> <c>status</c>).</summary>
    public static readonly string[] ListFilterWords = ["draft", "waiting", "scheduled", "running", "paused", "completed", "cancelled", "deleted", "active"];

    public static string Batch(BatchPhase phase) => phase switch
    {
        BatchPhase.Created => "draft",
        BatchPhase.Scheduled => "scheduled",          // "The batch enters a waiting state until the scheduled time" (docs: deploy/batch-calling)
        BatchPhase.Queued => "waiting",
        BatchPhase.Running => "running",
        BatchPhase.Paused => "paused",
        BatchPhase.Completed => "completed",
        _ => "cancelled",
    };

    public static string Call(CallState state) => state switch
    {
        CallState.Pending => "created",
        CallState.Ringing => "sent",
        CallState.InProgress => "received",
        CallState.Completed => "completed",
        CallState.NoAnswer => "did_not_pick",
        CallState.Busy => "busy",
        CallState.Failed => "failed",
        _ => "cancelled",
    };

    /// <summary>End reasons from DialNexa's call data model (<c>user_disconnected</c>, <c>user_did_not_pick_up</c>, <c>user_busy</c>, <c>network_failure</c> …).</summary>
    public static string? EndReason(CallState state) => state switch
    {
        CallState.Completed => "user_disconnected",
        CallState.NoAnswer => "user_did_not_pick_up",
        CallState.Busy => "user_busy",
        CallState.Failed => "network_failure",
        _ => null,
    };
}
