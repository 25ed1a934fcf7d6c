using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Providers.Bolna;

/// <summary>A batch as Bolna sends it (seed 003; list items share the shape). Every member optional.</summary>
internal sealed class BolnaBatchDto
{
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("created_at")] public JsonElement? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public JsonElement? UpdatedAt { get; set; }
    [JsonPropertyName("scheduled_at")] public JsonElement? ScheduledAt { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("from_phone_number")] public string? FromPhoneNumber { get; set; }
    [JsonPropertyName("file_name")] public string? FileName { get; set; }
    [JsonPropertyName("valid_contacts")] public int? ValidContacts { get; set; }
    [JsonPropertyName("total_contacts")] public int? TotalContacts { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
    [JsonPropertyName("execution_status")] public Dictionary<string, int>? ExecutionStatus { get; set; }
}

/// <summary>The answer to create (<c>{batch_id, state:"created"}</c>), schedule and stop (<c>{state, message}</c>).</summary>
internal sealed class BolnaStateDto
{
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}
