using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bland;

// Bland's wire contract, member for member as docs.bland.ai names it ("V1 API Reference" pages for the /v2/batches routes:
// api-v1/post/batches, api-v1/get/batches, api-v1/get/batches-id, api-v1/get/batches-id-logs, api-v2/post/batches-id-stop,
// api-v2/post/batches-id-pause; the call pages api-v1/get/calls and api-v1/get/calls-id). Every /v2 answer is the envelope
// {data, errors}: errors is null on success, else a list of {error, message}. Scalars are read by the tolerant converters
// on BlandJsonContext. Every member is optional to the reader.

/// <summary>What every <c>{data, errors}</c> answer shares: <c>errors</c>, null on success.</summary>
internal interface IBlandAnswer
{
    /// <summary><c>errors</c> as sent: null, or (documented) an array of <c>{error, message}</c>; any other JSON is kept so that
    /// an error of an undocumented shape (a string, an object) is still an error.</summary>
    JsonElement? Errors { get; }
}

/// <summary><c>POST /v2/batches/create</c>: <c>{call_objects[], global, status_webhook}</c>. Nulls are not written.</summary>
internal sealed class BlandCreate
{
    /// <summary>"A list of individual call objects … Each object follows the same schema as <c>/v1/calls</c>."</summary>
    [JsonPropertyName("call_objects")] public required IReadOnlyList<BlandCallObject> CallObjects { get; init; }

    /// <summary>"Global call properties to apply to all call_objects, unless overridden per entry" (required: a task or a
    /// pathway_id, and no phone_number).</summary>
    [JsonPropertyName("global")] public required BlandGlobal Global { get; init; }

    [JsonPropertyName("status_webhook")] public string? StatusWebhook { get; init; }
}

/// <summary>One call object (create), and one entry of a batch's <c>call_objects</c> preview (get, list).</summary>
internal sealed class BlandCallObject
{
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("task")] public string? Task { get; set; }
    [JsonPropertyName("pathway_id")] public string? PathwayId { get; set; }

    /// <summary>Per-call data the prompt reads as <c>{{name}}</c> (the cookbook's "CSV columns become request_data").</summary>
    [JsonPropertyName("request_data"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? RequestData { get; set; }

    /// <summary>When to dial this call: <c>"2026-01-01 12:00:00-05:00"</c> (API reference) or ISO-8601
    /// <c>"2026-03-15T09:00:00-05:00"</c> (cookbook); "timezone is optional, defaults to UTC". Text, parsed by the mapping.</summary>
    [JsonPropertyName("start_time")] public string? StartTime { get; set; }
}

/// <summary>
/// The <c>global</c> call properties: what the SDK sends, and what <c>base_prompt</c> reads back ("A JSON string representing
/// shared call properties such as task or record").
/// </summary>
internal sealed class BlandGlobal
{
    [JsonPropertyName("pathway_id")] public string? PathwayId { get; set; }
    [JsonPropertyName("persona_id")] public string? PersonaId { get; set; }
    [JsonPropertyName("task")] public string? Task { get; set; }

    /// <summary>The caller number (Send Call's <c>from</c>).</summary>
    [JsonPropertyName("from")] public string? From { get; set; }

    /// <summary>Send Call's <c>metadata</c>: kept with every call of the batch (the SDK puts the batch's name here).</summary>
    [JsonPropertyName("metadata"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? Metadata { get; set; }
}

/// <summary>The create answer: <c>{"data": {"batch_id": "…"}, "errors": null}</c>.</summary>
internal sealed class BlandCreateAnswer : IBlandAnswer
{
    [JsonPropertyName("data"), JsonConverter(typeof(Lenient<BlandCreated>))] public BlandCreated? Data { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary>The create answer's <c>data</c>.</summary>
internal sealed class BlandCreated
{
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
}

/// <summary><c>GET /v2/batches/{batch_id}</c>: the batch's metadata ("This does not include logs").</summary>
internal sealed class BlandBatchAnswer : IBlandAnswer
{
    [JsonPropertyName("data")] public Wire<BlandBatch>? Data { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary>A batch's metadata (get, and each list item): no status and no counters — those are in the logs.</summary>
internal sealed class BlandBatch
{
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>The id as Bland's older batch pages name it (read only when <c>id</c> is absent).</summary>
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }

    /// <summary>"The ID of the org that created the batch."</summary>
    [JsonPropertyName("user_id")] public string? UserId { get; set; }

    /// <summary>The batch's <c>global</c> as a JSON STRING (e.g. <c>"{\"record\":true,\"task\":\"Say hello to the user\"}"</c>).</summary>
    [JsonPropertyName("base_prompt")] public string? BasePrompt { get; set; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>"A preview of call objects in the batch" (not every call, and no outcomes).</summary>
    [JsonPropertyName("call_objects"), JsonConverter(typeof(LenientList<BlandCallObject>))] public List<BlandCallObject>? CallObjects { get; set; }

    /// <summary>"A human-readable label or description for the batch" (<c>"Untitled Batch"</c> when none was given).</summary>
    [JsonPropertyName("description")] public string? Description { get; set; }
}

/// <summary><c>GET /v2/batches/list?take&amp;skip</c>: <c>{data: [batch…], errors}</c>.</summary>
internal sealed class BlandBatchListAnswer : IBlandAnswer
{
    [JsonPropertyName("data"), JsonConverter(typeof(LenientList<Wire<BlandBatch>>))] public List<Wire<BlandBatch>>? Data { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary><c>GET /v2/batches/{batch_id}/logs?take&amp;skip&amp;direction</c>: <c>{data: [event…], errors}</c>.</summary>
internal sealed class BlandLogsAnswer : IBlandAnswer
{
    [JsonPropertyName("data"), JsonConverter(typeof(LenientList<Wire<BlandLogEntry>>))] public List<Wire<BlandLogEntry>>? Data { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary>One event of a batch's log.</summary>
internal sealed class BlandLogEntry
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("org_id")] public string? OrgId { get; set; }

    /// <summary><c>lifecycle</c> (a state change) or <c>complete</c> (the final counters); others are kept in Raw.</summary>
    [JsonPropertyName("event_type")] public string? EventType { get; set; }

    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("payload"), JsonConverter(typeof(Lenient<BlandLogPayload>))] public BlandLogPayload? Payload { get; set; }
}

/// <summary>An event's payload: <c>lifecycle</c> → <c>{message, state_change}</c>; <c>complete</c> → <c>{calls_total,
/// calls_failed, calls_successful}</c> (the same names the cookbook's terminal webhook uses).</summary>
internal sealed class BlandLogPayload
{
    /// <summary>Free text, e.g. <c>"Requested: 1. Validated: 1. Dispatched: 1. CPS: 1.12."</c>.</summary>
    [JsonPropertyName("message")] public string? Message { get; set; }

    /// <summary>The batch's new lifecycle word (<c>validating</c>, <c>in_progress</c>, …).</summary>
    [JsonPropertyName("state_change")] public string? StateChange { get; set; }

    [JsonPropertyName("calls_total")] public int? CallsTotal { get; set; }
    [JsonPropertyName("calls_failed")] public int? CallsFailed { get; set; }
    [JsonPropertyName("calls_successful")] public int? CallsSuccessful { get; set; }
}

/// <summary>The answer to stop and pause: <c>{"data": null, "errors": null}</c> ("Always null on success").</summary>
internal sealed class BlandActionAnswer : IBlandAnswer
{
    [JsonPropertyName("data")] public JsonElement? Data { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary><c>POST /v2/batches/{id}/pause</c>: "Whether to pause the campaign. True to pause, false to resume."</summary>
internal sealed class BlandPause
{
    [JsonPropertyName("paused")] public required bool Paused { get; init; }
}

/// <summary><c>GET /v1/calls</c>: <c>{count, calls[]}</c> (not enveloped; <c>errors</c> read in case it comes).</summary>
internal sealed class BlandCallList : IBlandAnswer
{
    [JsonPropertyName("count")] public int? Count { get; set; }
    [JsonPropertyName("total_count")] public int? TotalCount { get; set; }
    [JsonPropertyName("calls"), JsonConverter(typeof(LenientList<Wire<BlandCall>>))] public List<Wire<BlandCall>>? Calls { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}

/// <summary>One call: a <c>GET /v1/calls</c> item (its members are a subset of <c>GET /v1/calls/{call_id}</c>'s, read too).</summary>
internal sealed class BlandCall
{
    [JsonPropertyName("call_id")] public string? CallId { get; set; }
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The call's length in MINUTES (<c>0.834 // minutes</c>).</summary>
    [JsonPropertyName("call_length")] public double? CallLength { get; set; }

    /// <summary>Seconds, as text (<c>"12"</c>), on Bland's older batch pages.</summary>
    [JsonPropertyName("corrected_duration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? CorrectedDuration { get; set; }

    [JsonPropertyName("to")] public string? To { get; set; }
    [JsonPropertyName("from")] public string? From { get; set; }

    /// <summary>"If it differs from the value of <c>queue_status</c>, this will be the most up-to-date status."</summary>
    [JsonPropertyName("completed")] public bool? Completed { get; set; }

    [JsonPropertyName("queue_status")] public string? QueueStatus { get; set; }

    /// <summary>A status word some answers carry beside <c>queue_status</c> (older batch pages: <c>"completed"</c>).</summary>
    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("error_message")] public string? ErrorMessage { get; set; }

    /// <summary><c>human</c>, <c>voicemail</c>, <c>unknown</c>, <c>no-answer</c> or null.</summary>
    [JsonPropertyName("answered_by")] public string? AnsweredBy { get; set; }

    [JsonPropertyName("recording_url"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("concatenated_transcript")] public string? ConcatenatedTranscript { get; set; }
    [JsonPropertyName("request_data"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? RequestData { get; set; }
}
