using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Retell;

/// <summary>What a Retell create carried that its calls report: the caller number, and each task's own JSON (its agent
/// override, variables and metadata).</summary>
internal sealed record RetellUpload(string FromNumber, IReadOnlyList<JsonObject> Tasks);

/// <summary>
/// Retell's JSON, written by hand from its official SDKs' types (<c>RetellAI/retell-python-sdk</c> @ a14e511:
/// <c>types/batch_call_response.py</c>, <c>types/call_list_response.py</c> <c>ItemV3PhoneCallResponse</c>,
/// <c>types/call_response.py</c>) and https://docs.retellai.com/api-references/create-batch-call.
/// </summary>
internal static class RetellJson
{
    /// <summary>
    /// A call's <c>call_status</c> and <c>disconnection_reason</c>. Retell lists a call only once it is dialled (a task waiting
    /// for its turn has no call id), so Pending (and Cancelled, which Retell cannot do to a batch) have no words. Outcomes vary
    /// by the call's position so every documented pairing appears: answered calls end <c>user_hangup</c> or
    /// <c>agent_hangup</c>; an unanswered one is <c>not_connected</c>/<c>dial_no_answer</c> or, every third, <c>ended</c>/
    /// <c>voicemail_reached</c>; busy is <c>not_connected</c>/<c>dial_busy</c>; a failed one <c>not_connected</c>/<c>dial_failed</c>
    /// or <c>error</c>/<c>error_retell</c>.
    /// </summary>
    public static (string Status, string? Reason)? Words(SimCall call, DateTimeOffset now) => call.StateAt(now) switch
    {
        CallState.Ringing => ("registered", null),
        CallState.InProgress => ("ongoing", null),
        CallState.Completed => ("ended", call.Index % 2 == 0 ? "user_hangup" : "agent_hangup"),
        CallState.NoAnswer => call.Index % 3 == 0 ? ("ended", "voicemail_reached") : ("not_connected", "dial_no_answer"),
        CallState.Busy => ("not_connected", "dial_busy"),
        CallState.Failed => call.Index % 2 == 0 ? ("not_connected", "dial_failed") : ("error", "error_retell"),
        _ => null,
    };

    /// <summary>True when Retell lists the call (it has been dialled by <paramref name="now"/>).</summary>
    public static bool IsListed(SimCall call, DateTimeOffset now) => Words(call, now) is not null;

    /// <summary>The create answer (<c>BatchCallResponse</c>). <c>scheduled_timestamp</c> is in SECONDS, as in the docs' example
    /// (<c>1735718400</c> for a request of <c>1735718400000</c> ms).</summary>
    public static JsonObject Batch(BatchState batch, RetellUpload upload, JsonNode? callTimeWindow)
    {
        var answer = new JsonObject
        {
            ["batch_call_id"] = batch.Id,
            ["name"] = batch.Spec.Name ?? string.Empty,
            ["from_number"] = upload.FromNumber,
            ["scheduled_timestamp"] = Wire.Unix(batch.RequestedStartAt ?? batch.CreatedAt),
            ["total_task_count"] = batch.Calls.Count,
        };
        if (callTimeWindow is not null) answer["call_time_window"] = callTimeWindow.DeepClone(); // "Present only if specified"
        return answer;
    }

    /// <summary>
    /// One phone call as list-calls answers it (<c>ItemV3PhoneCallResponse</c>): NO <c>batch_call_id</c> and no transcript.
    /// <c>start_timestamp</c>, <c>end_timestamp</c> and <c>duration_ms</c> are epoch/elapsed MILLISECONDS.
    /// </summary>
    public static JsonObject Call(BatchState batch, SimCall call, RetellUpload upload, DateTimeOffset now)
    {
        var (status, reason) = Words(call, now)!.Value;
        var task = upload.Tasks[call.Index];
        var attempt = call.Latest!;
        var ended = status is not ("registered" or "ongoing");
        var item = new JsonObject
        {
            ["call_id"] = call.Id,
            ["call_type"] = "phone_call",
            ["agent_id"] = Text(task["override_agent_id"]) ?? batch.Spec.AgentId,
            ["agent_version"] = 1,
            ["agent_name"] = "Simulated agent",
            ["call_status"] = status,
            ["direction"] = "outbound",
            ["from_number"] = upload.FromNumber,
            ["to_number"] = call.Contact.PhoneNumber,
            ["start_timestamp"] = attempt.DialedAt.ToUnixTimeMilliseconds(),
            ["retell_llm_dynamic_variables"] = Wire.Object(call.Contact.Variables),
            ["metadata"] = task["metadata"]?.DeepClone() ?? new JsonObject(),
            ["data_storage_setting"] = "everything",
        };
        if (ended)
        {
            item["end_timestamp"] = attempt.EndsAt.ToUnixTimeMilliseconds();
            item["duration_ms"] = (long)(attempt.EndsAt - attempt.DialedAt).TotalMilliseconds;
            item["disconnection_reason"] = reason;
            item["public_log_url"] = $"https://retell.sim.invalid/public-log/{call.Id}.txt";
        }

        if (status == "ended" && reason is "user_hangup" or "agent_hangup")
        {
            item["recording_url"] = $"https://retell.sim.invalid/recording/{call.Id}.wav";
            item["call_analysis"] = new JsonObject
            {
                ["call_summary"] = "The customer listened to the reminder and thanked the agent.",
                ["in_voicemail"] = false,
                ["user_sentiment"] = "Positive",
                ["call_successful"] = true,
            };
        }

        return item;
    }

    /// <summary>One call as <c>GET /v2/get-call/{call_id}</c> answers it: the list item plus its <c>transcript</c> once a
    /// conversation has ended (the v3 list never carries it).</summary>
    public static JsonObject FullCall(BatchState batch, SimCall call, RetellUpload upload, DateTimeOffset now)
    {
        var item = Call(batch, call, upload, now);
        if (item["recording_url"] is not null)
        {
            var name = call.Contact.Variables.Values.FirstOrDefault(v => v.Length > 0) ?? "there";
            item["transcript"] = $"Agent: Hi {name}, this is a quick reminder.\nUser: Thanks, got it.\nAgent: Have a great day!\n";
        }

        return item;
    }

    /// <summary>Retell's error body. Retell publishes none (its SDKs list status codes only); this shape is the simulator's.</summary>
    public static JsonObject Error(string message) => new() { ["status"] = "error", ["message"] = message };

    /// <summary>A non-empty JSON string's text, else null.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
}
