using System.Globalization;
using System.Text.Json.Nodes;
using VoiceBatch.Testing.Engine;
using VoiceBatch.Testing.Hosting;

namespace VoiceBatch.Testing.Vendors.Bland;

/// <summary>What a Bland create carried that its answers report: the body's <c>global</c>, every call object, the ones it
/// will not dial, why validation fails (if it does), and the lifecycle changes users made (pause, resume, stop).</summary>
internal sealed class BlandBatchExtras
{
    public required JsonObject Global { get; init; }

    public required IReadOnlyList<JsonObject> CallObjects { get; init; }

    public required IReadOnlyList<BlandRejected> Rejected { get; init; }

    public required string Description { get; init; }

    public string? ValidationError { get; init; }

    /// <summary>Lifecycle events recorded by actions: (when, word, message).</summary>
    public List<(DateTimeOffset At, string Word, string Message)> Actions { get; } = [];

    public string From => BlandCreate.Text(Global["from"]) ?? BlandSimulator.AgentNumber;
}

/// <summary>
/// Bland's JSON, written by hand from docs.bland.ai's examples: the <c>{data, errors}</c> envelope, a batch's metadata
/// (api-v1/get/batches-id: <c>id, user_id, base_prompt, created_at, call_objects, description</c>), a call
/// (api-v1/get/calls: <c>call_id, created_at, call_length</c> in minutes<c>, to, from, completed, queue_status, error_message,
/// answered_by, batch_id</c>) and the call words (<c>new, queued, allocated, started, complete, …_error</c>).
/// </summary>
internal static class BlandJson
{
    /// <summary>The simulated organisation (every batch's <c>user_id</c> and every event's <c>org_id</c>).</summary>
    public const string OrgId = "f52eb4b2-c8b6-44a6-a36c-2749aa930c86";

    /// <summary>How many call objects a batch's metadata previews ("A preview of call objects in the batch").</summary>
    public const int PreviewSize = 5;

    /// <summary><c>{"data": data, "errors": null}</c>.</summary>
    public static JsonObject Ok(JsonNode? data) => new() { ["data"] = data, ["errors"] = null };

    /// <summary><c>{"data": null, "errors": [{"error": code, "message": message}]}</c> (the one published error: api-v1/get/calls-id-recording).</summary>
    public static JsonObject Error(string code, string message)
        => new() { ["data"] = null, ["errors"] = new JsonArray(new JsonObject { ["error"] = code, ["message"] = message }) };

    public static JsonObject Batch(BatchState batch, BlandBatchExtras extras) => new()
    {
        ["id"] = batch.Id,
        ["user_id"] = OrgId,
        ["base_prompt"] = extras.Global.ToJsonString(), // "A JSON string representing shared call properties"
        ["created_at"] = Wire.IsoMillis(batch.CreatedAt),
        ["call_objects"] = new JsonArray(extras.CallObjects.Take(PreviewSize).Select(c => (JsonNode?)c.DeepClone()).ToArray()),
        ["description"] = extras.Description,
    };

    /// <summary>A call's <c>queue_status</c>, <c>completed</c>, <c>answered_by</c> and <c>error_message</c>. Bland publishes no busy
    /// or no-answer stage: an unanswered call is <c>complete</c> with <c>answered_by: "no-answer"</c>, a busy line a
    /// <c>call_error</c>, a call the stop kept from dialling <c>canceled</c>.</summary>
    public static (string Word, bool Completed, string? AnsweredBy, string? Error) CallWords(CallState state, bool started) => state switch
    {
        CallState.Pending => (started ? "queued" : "new", false, null, null),
        CallState.Ringing => ("allocated", false, null, null),
        CallState.InProgress => ("started", false, "human", null),
        CallState.Completed => ("complete", true, "human", null),
        CallState.NoAnswer => ("complete", true, "no-answer", null),
        CallState.Busy => ("call_error", true, null, "The line was busy"),
        CallState.Failed => ("call_error", true, null, "The carrier could not place the call"),
        _ => ("canceled", false, null, null),
    };

    public static JsonObject Call(BatchState batch, SimCall call, BlandBatchExtras extras, DateTimeOffset now, bool details)
    {
        var state = call.StateAt(now);
        var (word, completed, answeredBy, error) = CallWords(state, batch.StartedAt is { } s && s <= now);
        var attempt = call.Latest;
        var ended = completed && attempt is not null;
        var json = new JsonObject
        {
            ["call_id"] = call.Id,
            ["created_at"] = Micros(batch.CreatedAt),
            ["call_length"] = ended ? Math.Round(attempt!.TalkTime.TotalMinutes, 3) : null, // "The length of the call in minutes."
            ["to"] = call.Contact.PhoneNumber,
            ["from"] = extras.From,
            ["completed"] = completed,
            ["queue_status"] = word,
            ["error_message"] = error,
            ["answered_by"] = answeredBy,
            ["batch_id"] = batch.Id,
            ["request_data"] = Wire.Object(call.Contact.Variables),
            ["started_at"] = attempt is not null && attempt.DialedAt <= now ? Micros(attempt.DialedAt) : null,
            ["recording_url"] = state == CallState.Completed ? $"https://recordings.bland.sim.invalid/{call.Id}.mp3" : null,
        };
        if (details)
        {
            var transcript = state == CallState.Completed ? Transcript(call) : null;
            json["concatenated_transcript"] = transcript;
            json["inbound"] = false;
            json["max_duration"] = 30;
            json["c_id"] = call.Id;
            json["variables"] = Wire.Object(call.Contact.Variables);
        }

        return json;
    }

    /// <summary>A call object Bland never dialled: <c>pre_queue_error</c> with the reason.</summary>
    public static JsonObject Rejected(BatchState batch, BlandRejected rejected, BlandBatchExtras extras) => new()
    {
        ["call_id"] = rejected.CallId,
        ["created_at"] = Micros(batch.CreatedAt),
        ["call_length"] = 0,
        ["to"] = rejected.CallObject["phone_number"]?.DeepClone(),
        ["from"] = extras.From,
        ["completed"] = false,
        ["queue_status"] = "pre_queue_error",
        ["error_message"] = rejected.Reason,
        ["answered_by"] = null,
        ["batch_id"] = batch.Id,
        ["request_data"] = rejected.CallObject["request_data"]?.DeepClone(),
    };

    /// <summary><c>2023-12-21T23:25:14.801193+00:00</c>, the calls pages' form.</summary>
    public static string Micros(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    private static string Transcript(SimCall call)
    {
        var name = call.Contact.Variables.Values.FirstOrDefault(v => v.Length > 0) ?? "there";
        return $"assistant: Hi {name}, this is a quick call about your account. user: Sure, go ahead. assistant: Thanks, that is all for today.";
    }
}
