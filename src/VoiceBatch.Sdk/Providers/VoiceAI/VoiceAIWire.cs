using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Providers.VoiceAI;

/// <summary>
/// A batch as VoiceAI sends it: the detailed read (seed 001, recipients inline) and the shorter form returned by
/// submit, list, cancel and retry (no recipients). Every member optional; times, counters and recipients are kept
/// as <see cref="JsonElement"/> so one odd value never fails the whole batch.
/// </summary>
internal sealed class VoiceAIBatchDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
    [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("created_at_unix")] public JsonElement? CreatedAtUnix { get; set; }
    [JsonPropertyName("scheduled_time_unix")] public JsonElement? ScheduledTimeUnix { get; set; }
    [JsonPropertyName("last_updated_at_unix")] public JsonElement? LastUpdatedAtUnix { get; set; }
    [JsonPropertyName("phone_number_id")] public string? PhoneNumberId { get; set; }
    [JsonPropertyName("total_calls_dispatched")] public JsonElement? TotalCallsDispatched { get; set; }
    [JsonPropertyName("total_calls_scheduled")] public JsonElement? TotalCallsScheduled { get; set; }
    [JsonPropertyName("total_calls_finished")] public JsonElement? TotalCallsFinished { get; set; }

    /// <summary>The recipients as sent (normally an array); each element becomes one call record whose <c>Raw</c> is that element.</summary>
    [JsonPropertyName("recipients")] public JsonElement? Recipients { get; set; }
}

/// <summary>One recipient of a batch (seed 001 <c>OutboundCallRecipientResponse</c>).</summary>
internal sealed class VoiceAIRecipientDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("whatsapp_user_id")] public string? WhatsAppUserId { get; set; }
    [JsonPropertyName("conversation_id")] public string? ConversationId { get; set; }
    [JsonPropertyName("created_at_unix")] public JsonElement? CreatedAtUnix { get; set; }
    [JsonPropertyName("updated_at_unix")] public JsonElement? UpdatedAtUnix { get; set; }
    [JsonPropertyName("conversation_initiation_client_data")] public VoiceAIClientDataDto? ClientData { get; set; }
}

/// <summary>The part of a recipient's <c>conversation_initiation_client_data</c> the SDK reads (the rest stays in Raw).</summary>
internal sealed class VoiceAIClientDataDto
{
    /// <summary>Read: any JSON (values may be strings, numbers or booleans). Kept as an element so a non-object is ignored, not fatal.</summary>
    [JsonPropertyName("dynamic_variables")] public JsonElement? DynamicVariables { get; set; }
}

/// <summary>One page of <c>GET /v1/voiceai/batch-calling/workspace</c>.</summary>
internal sealed class VoiceAIBatchListDto
{
    /// <summary>The page's batches as sent (normally an array); each element's <c>Raw</c> is exactly that element.</summary>
    [JsonPropertyName("batch_calls")] public JsonElement? BatchCalls { get; set; }
    [JsonPropertyName("next_doc")] public string? NextDoc { get; set; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
}

/// <summary>The body of <c>POST /v1/voiceai/batch-calling/submit</c>. Nulls are not written.</summary>
internal sealed class VoiceAISubmitDto
{
    [JsonPropertyName("call_name")] public required string CallName { get; init; }
    [JsonPropertyName("agent_id")] public required string AgentId { get; init; }
    [JsonPropertyName("agent_phone_number_id")] public string? AgentPhoneNumberId { get; init; }
    [JsonPropertyName("scheduled_time_unix")] public long? ScheduledTimeUnix { get; init; }
    [JsonPropertyName("target_concurrency_limit")] public int? TargetConcurrencyLimit { get; init; }
    [JsonPropertyName("recipients")] public required IReadOnlyList<VoiceAISubmitRecipientDto> Recipients { get; init; }
}

/// <summary>One recipient of a submit.</summary>
internal sealed class VoiceAISubmitRecipientDto
{
    [JsonPropertyName("phone_number")] public required string PhoneNumber { get; init; }
    [JsonPropertyName("conversation_initiation_client_data")] public VoiceAISubmitClientDataDto? ClientData { get; init; }
}

/// <summary>The client data sent with one recipient: the contact's variables.</summary>
internal sealed class VoiceAISubmitClientDataDto
{
    [JsonPropertyName("dynamic_variables")] public required IReadOnlyDictionary<string, string> DynamicVariables { get; init; }
}
