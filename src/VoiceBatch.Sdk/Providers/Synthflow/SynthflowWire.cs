using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Synthflow;

// Synthflow's batch-calls wire contract (docs.synthflow.ai, api-reference/platform-api/batch-calls/*.md and the guide
// batch-calling.md), member for member as those pages name them. The pages were read only as far as the stored copies
// go (see SynthflowAdapter): every member is optional to the reader. Scalars are read by the tolerant converters on
// SynthflowJsonContext (numbers as text, unix-or-ISO times, an invalid time as null).

/// <summary>Every answer's envelope: <c>{"status": "ok", "response": {…}}</c> (the old OpenAPI: <c>status</c> "Whether the
/// request was successful"; the only value published is <c>ok</c>).</summary>
/// <typeparam name="T">The DTO under <c>response</c>.</typeparam>
internal sealed class SynthflowAnswer<T>
    where T : class
{
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("response")] public Wire<T>? Response { get; set; }
}

/// <summary>A batch: the answer of create (guide), get, pause, resume and cancel, and each item of the list.</summary>
internal sealed class SynthflowBatch
{
    [JsonPropertyName("batch_call_id")] public string? BatchCallId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>In the create answer (guide); the caller ID the batch dials from.</summary>
    [JsonPropertyName("from_phone_number")] public string? FromPhoneNumber { get; set; }

    /// <summary>"One of <c>scheduled</c>, <c>in_progress</c>, <c>paused</c>, <c>completed</c> or <c>canceled</c>."</summary>
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }

    /// <summary>"Recipients stored in the batch."</summary>
    [JsonPropertyName("total_task_count")] public int? TotalTaskCount { get; set; }

    /// <summary>"Recipients whose call was placed."</summary>
    [JsonPropertyName("dispatched_count")] public int? DispatchedCount { get; set; }

    /// <summary>"Recipients whose call could not be placed."</summary>
    [JsonPropertyName("failed_count")] public int? FailedCount { get; set; }

    /// <summary>"Recipients still waiting to be dialed."</summary>
    [JsonPropertyName("pending_count")] public int? PendingCount { get; set; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The agent that places the calls.</summary>
    [JsonPropertyName("model_id")] public string? ModelId { get; set; }
}

/// <summary><c>pagination</c> of the list routes: <c>{total_records, limit, offset}</c>.</summary>
internal sealed class SynthflowPagination
{
    [JsonPropertyName("total_records")] public int? TotalRecords { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("offset")] public int? Offset { get; set; }
}

/// <summary><c>GET /calls/batch</c>'s <c>response</c>: <c>{pagination, batch_calls[]}</c>, most recently created first.</summary>
internal sealed class SynthflowBatchPage
{
    [JsonPropertyName("pagination"), JsonConverter(typeof(Lenient<SynthflowPagination>))] public SynthflowPagination? Pagination { get; set; }
    [JsonPropertyName("batch_calls"), JsonConverter(typeof(LenientList<Wire<SynthflowBatch>>))] public List<Wire<SynthflowBatch>>? BatchCalls { get; set; }
}

/// <summary><c>GET /calls/batch/{id}/tasks</c>'s <c>response</c>: <c>{pagination, …}</c> — the stored page ends before the
/// items' member, so both names it could have are read: <c>tasks</c> (the route and the create body) and <c>recipients</c>
/// (the page's own word).</summary>
internal sealed class SynthflowTaskPage
{
    [JsonPropertyName("pagination"), JsonConverter(typeof(Lenient<SynthflowPagination>))] public SynthflowPagination? Pagination { get; set; }
    [JsonPropertyName("tasks"), JsonConverter(typeof(LenientList<Wire<SynthflowTask>>))] public List<Wire<SynthflowTask>>? Tasks { get; set; }
    [JsonPropertyName("recipients"), JsonConverter(typeof(LenientList<Wire<SynthflowTask>>))] public List<Wire<SynthflowTask>>? Recipients { get; set; }
}

/// <summary>
/// One recipient of a batch (a "task"). Its members are the ones the create documents for a task (<c>id</c>,
/// <c>to_phone_number</c>, <c>lead_name</c>, <c>lead_email</c>, <c>custom_variables</c>) plus the two the recipients page
/// names (<c>status</c>, <c>error_message</c>) and <c>call_id</c>, the id of the call a dispatched recipient became (the
/// name Synthflow's calls API uses; inferred).
/// </summary>
internal sealed class SynthflowTask
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("to_phone_number")] public string? ToPhoneNumber { get; set; }
    [JsonPropertyName("lead_name")] public string? LeadName { get; set; }
    [JsonPropertyName("lead_email")] public string? LeadEmail { get; set; }
    [JsonPropertyName("custom_variables"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? CustomVariables { get; set; }

    /// <summary>One of <c>pending</c>, <c>claimed</c>, <c>dispatched</c>, <c>failed</c>, <c>canceled</c> (the route's filter enum).</summary>
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }

    /// <summary>Why a recipient failed before a call was placed.</summary>
    [JsonPropertyName("error_message")] public string? ErrorMessage { get; set; }

    [JsonPropertyName("call_id")] public string? CallId { get; set; }
}

/// <summary>The create body (<c>POST /calls/batch</c>, JSON), in the order of the guide's example. Nulls are not written.</summary>
internal sealed class SynthflowCreate
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("model_id")] public required string ModelId { get; init; }
    [JsonPropertyName("from_phone_number")] public required string FromPhoneNumber { get; init; }
    [JsonPropertyName("tasks")] public required IReadOnlyList<SynthflowCreateTask> Tasks { get; init; }
}

/// <summary>One recipient of a create. <c>custom_variables</c> is a MAP here (Synthflow's single-call API sends a list of
/// <c>{key, value}</c> instead: not this DTO).</summary>
internal sealed class SynthflowCreateTask
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("to_phone_number")] public required string ToPhoneNumber { get; init; }
    [JsonPropertyName("lead_name")] public string? LeadName { get; init; }
    [JsonPropertyName("lead_email")] public string? LeadEmail { get; init; }
    [JsonPropertyName("custom_variables")] public IReadOnlyDictionary<string, string>? CustomVariables { get; init; }
}
