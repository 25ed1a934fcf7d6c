using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.ElevenLabs;

// The ElevenLabs batch-calling wire contract (ElevenLabs' SDK types src/elevenlabs/types/batch_call_*.py and
// outbound_call_recipient*.py; ThreeTone's seed 001 is the same model). Every member optional to the reader: ThreeTone's
// generated payloads omit counters, telephony_call_config and even recipients. Times are unix seconds.

/// <summary><c>BatchCallResponse</c> / <c>BatchCallDetailedResponse</c> (the latter adds <c>recipients</c>).</summary>
internal sealed class ElevenLabsBatch
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
    [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("created_at_unix")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("scheduled_time_unix")] public DateTimeOffset? ScheduledAt { get; set; }
    [JsonPropertyName("last_updated_at_unix")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("phone_number_id")] public string? PhoneNumberId { get; set; }
    [JsonPropertyName("total_calls_dispatched")] public int? TotalCallsDispatched { get; set; }
    [JsonPropertyName("total_calls_scheduled")] public int? TotalCallsScheduled { get; set; }

    /// <summary>ThreeTone: "Number of calls finished (completed + failed)" — cancelled recipients are not in it.</summary>
    [JsonPropertyName("total_calls_finished")] public int? TotalCallsFinished { get; set; }

    [JsonPropertyName("recipients"), JsonConverter(typeof(LenientList<Wire<ElevenLabsRecipient>>))] public List<Wire<ElevenLabsRecipient>>? Recipients { get; set; }
}

/// <summary><c>OutboundCallRecipientResponseModel</c> (ThreeTone: <c>OutboundCallRecipientResponse</c>).</summary>
internal sealed class ElevenLabsRecipient
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("whatsapp_user_id")] public string? WhatsAppUserId { get; set; }
    [JsonPropertyName("conversation_id")] public string? ConversationId { get; set; }
    [JsonPropertyName("created_at_unix")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updated_at_unix")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("conversation_initiation_client_data"), JsonConverter(typeof(Lenient<ElevenLabsClientData>))] public ElevenLabsClientData? ClientData { get; set; }
}

/// <summary>The part of <c>conversation_initiation_client_data</c> the SDK reads (the rest — overrides, source info — stays in Raw).</summary>
internal sealed class ElevenLabsClientData
{
    /// <summary>Values may be strings, numbers, booleans or lists (ElevenLabs' JS type); read as text.</summary>
    [JsonPropertyName("dynamic_variables"), JsonConverter(typeof(TextMapConverter))] public IReadOnlyDictionary<string, string>? DynamicVariables { get; set; }
}

/// <summary><c>WorkspaceBatchCallsResponse</c>: one page of the workspace list.</summary>
internal sealed class ElevenLabsBatchList
{
    [JsonPropertyName("batch_calls"), JsonConverter(typeof(LenientList<Wire<ElevenLabsBatch>>))] public List<Wire<ElevenLabsBatch>>? BatchCalls { get; set; }
    [JsonPropertyName("next_doc")] public string? NextDoc { get; set; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
}

/// <summary>The submit body (<c>BodySubmitABatchCallRequestV1ConvaiBatchCallingSubmitPost</c>). Nulls are not written.</summary>
internal sealed class ElevenLabsSubmit
{
    [JsonPropertyName("call_name")] public required string CallName { get; init; }
    [JsonPropertyName("agent_id")] public required string AgentId { get; init; }
    [JsonPropertyName("agent_phone_number_id")] public string? AgentPhoneNumberId { get; init; }
    [JsonPropertyName("scheduled_time_unix")] public long? ScheduledTimeUnix { get; init; }
    [JsonPropertyName("target_concurrency_limit")] public int? TargetConcurrencyLimit { get; init; }
    [JsonPropertyName("recipients")] public required IReadOnlyList<ElevenLabsSubmitRecipient> Recipients { get; init; }
}

/// <summary>One recipient of a submit (<c>OutboundCallRecipient</c>).</summary>
internal sealed class ElevenLabsSubmitRecipient
{
    [JsonPropertyName("phone_number")] public required string PhoneNumber { get; init; }
    [JsonPropertyName("conversation_initiation_client_data")] public ElevenLabsSubmitClientData? ClientData { get; init; }
}

/// <summary>The client data sent with one recipient: the contact's variables.</summary>
internal sealed class ElevenLabsSubmitClientData
{
    [JsonPropertyName("dynamic_variables")] public required IReadOnlyDictionary<string, string> DynamicVariables { get; init; }
}

/// <summary>FastAPI's 422 <c>HTTPValidationError</c>: <c>{"detail":[{loc:[…], msg, type}]}</c>.</summary>
internal sealed class ElevenLabsValidationError
{
    [JsonPropertyName("detail"), JsonConverter(typeof(LenientList<ElevenLabsValidationItem>))] public List<ElevenLabsValidationItem>? Detail { get; set; }
}

/// <summary>One validation error: where (<c>loc</c>, strings and indexes) and why.</summary>
internal sealed class ElevenLabsValidationItem
{
    [JsonPropertyName("loc"), JsonConverter(typeof(LenientList<JsonElement>))] public List<JsonElement>? Loc { get; set; }
    [JsonPropertyName("msg")] public string? Msg { get; set; }
}
