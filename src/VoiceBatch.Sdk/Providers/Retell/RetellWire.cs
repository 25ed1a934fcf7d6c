using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Retell;

// Retell's wire contract, member for member as its official SDKs name it (RetellAI/retell-python-sdk @ a14e511,
// src/retell/types/*.py; RetellAI/retell-typescript-sdk @ b274013, src/resources/*.ts). Scalars are read by the tolerant
// converters on RetellJsonContext; times are unix MILLISECONDS on calls, either unit on the create answer (read by size).

/// <summary>The create body (<c>BatchCallCreateBatchCallParams</c>). Nulls are not written. <c>reserved_concurrency</c>
/// (capacity kept for OTHER calls) and <c>call_time_window</c> have no canonical input and are never sent.</summary>
internal sealed class RetellCreateBatchCall
{
    /// <summary>Required. "The number you own in E.164 format": the agent bound to it places the calls unless a task overrides it.</summary>
    [JsonPropertyName("from_number")] public required string FromNumber { get; init; }

    /// <summary>"Only used for your own reference."</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>"Unix timestamp in milliseconds. If omitted, the call will be sent immediately."</summary>
    [JsonPropertyName("trigger_timestamp")] public long? TriggerTimestamp { get; init; }

    /// <summary>Required: one task per call.</summary>
    [JsonPropertyName("tasks")] public required IReadOnlyList<RetellTask> Tasks { get; init; }
}

/// <summary>One call of a create (<c>Task</c>). <c>metadata</c>, <c>override_agent_version</c>, <c>agent_override</c>,
/// <c>custom_sip_headers</c> and <c>ignore_e164_validation</c> are not sent.</summary>
internal sealed class RetellTask
{
    /// <summary>Required, E.164.</summary>
    [JsonPropertyName("to_number")] public required string ToNumber { get; init; }

    /// <summary>"For this particular call, override the agent used with this agent id. This does not bind the agent to this number."</summary>
    [JsonPropertyName("override_agent_id")] public string? OverrideAgentId { get; init; }

    /// <summary><c>Dict[str, str]</c>: string values only.</summary>
    [JsonPropertyName("retell_llm_dynamic_variables")] public IReadOnlyDictionary<string, string>? DynamicVariables { get; init; }
}

/// <summary>The create answer (<c>BatchCallResponse</c>, 201). <c>call_time_window</c> stays in Raw.</summary>
internal sealed class RetellBatchCall
{
    [JsonPropertyName("batch_call_id")] public string? BatchCallId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("from_number")] public string? FromNumber { get; set; }

    /// <summary>A <c>float</c> in the SDKs; the docs' example is in SECONDS (<c>1735718400</c>) for a request sent in
    /// milliseconds — read by size (above 10^11 = milliseconds).</summary>
    [JsonPropertyName("scheduled_timestamp")] public DateTimeOffset? ScheduledTimestamp { get; set; }

    /// <summary>"Number of tasks within the batch call" (a <c>float</c> in the SDKs).</summary>
    [JsonPropertyName("total_task_count")] public int? TotalTaskCount { get; set; }
}

/// <summary>The list-calls body (<c>CallListParams</c>, <c>POST /v3/list-calls</c>). <c>include_total</c> and <c>skip</c>
/// are never sent (a total costs Retell an extra aggregate query; the cursor pages).</summary>
internal sealed class RetellListCalls
{
    [JsonPropertyName("filter_criteria")] public required RetellFilterCriteria FilterCriteria { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }

    /// <summary>"Opaque pagination cursor from a previous response."</summary>
    [JsonPropertyName("pagination_key")] public string? PaginationKey { get; init; }

    /// <summary><c>ascending</c> | <c>descending</c>, by <c>start_timestamp</c>.</summary>
    [JsonPropertyName("sort_order")] public string? SortOrder { get; init; }
}

/// <summary><c>FilterCriteria</c>: only the batch filter is sent.</summary>
internal sealed class RetellFilterCriteria
{
    [JsonPropertyName("batch_call_id")] public required RetellStringFilter BatchCallId { get; init; }
}

/// <summary><c>FilterCriteriaBatchCallID</c>: <c>{op: eq|ne|sw|ew|co, type: "string", value}</c> (an object in v3; the
/// deprecated v2 route took an array of ids).</summary>
internal sealed class RetellStringFilter
{
    [JsonPropertyName("op")] public required string Op { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("value")] public required string Value { get; init; }
}

/// <summary>One page of list-calls (<c>CallListResponse</c>): <c>{items, pagination_key, has_more, total?}</c>.</summary>
internal sealed class RetellCallPage
{
    [JsonPropertyName("items"), JsonConverter(typeof(LenientList<Wire<RetellCall>>))] public List<Wire<RetellCall>>? Items { get; set; }
    [JsonPropertyName("pagination_key")] public string? PaginationKey { get; set; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
}

/// <summary>
/// One call (<c>ItemV3PhoneCallResponse</c>; a web call item, <c>ItemV3WebCallResponse</c>, reads the same without numbers).
/// There is NO <c>batch_call_id</c> and no transcript on a v3 item; <c>call_analysis</c>, <c>call_cost</c>, <c>metadata</c>,
/// <c>collected_dynamic_variables</c>, latencies and log links stay in Raw.
/// </summary>
internal sealed class RetellCall
{
    [JsonPropertyName("call_id")] public string? CallId { get; set; }

    /// <summary><c>registered</c>, <c>not_connected</c>, <c>ongoing</c>, <c>ended</c>, <c>error</c>.</summary>
    [JsonPropertyName("call_status"), JsonConverter(typeof(WordConverter))] public string? CallStatus { get; set; }

    /// <summary>Why the call ended (34 words in the SDKs' enum, e.g. <c>user_hangup</c>, <c>dial_no_answer</c>).</summary>
    [JsonPropertyName("disconnection_reason")] public string? DisconnectionReason { get; set; }

    [JsonPropertyName("to_number")] public string? ToNumber { get; set; }
    [JsonPropertyName("from_number")] public string? FromNumber { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }

    /// <summary>Epoch milliseconds, "available after call starts".</summary>
    [JsonPropertyName("start_timestamp")] public DateTimeOffset? StartTimestamp { get; set; }

    /// <summary>Epoch milliseconds, "available after call ends".</summary>
    [JsonPropertyName("end_timestamp")] public DateTimeOffset? EndTimestamp { get; set; }

    [JsonPropertyName("duration_ms"), JsonConverter(typeof(MillisecondsConverter))] public TimeSpan? DurationMs { get; set; }
    [JsonPropertyName("recording_url"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("retell_llm_dynamic_variables"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? DynamicVariables { get; set; }

    /// <summary>Not on v3 items (only on <c>GET /v2/get-call/{call_id}</c>); read when a server sends it anyway.</summary>
    [JsonPropertyName("transcript")] public string? Transcript { get; set; }
}
