using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>A batch as DialNexa sends it: the seeds' schema and prose forms, list items, and the create answer.
/// Every member optional and a <see cref="JsonElement"/>: ids, counters and timestamps vary in JSON type between
/// DialNexa's two doc generations, and one field of an unexpected type must never lose the whole batch
/// (<see cref="Internal.WireJson"/> reads them tolerantly).</summary>
internal sealed class DialNexaBatchDto
{
    [JsonPropertyName("id")] public JsonElement? Id { get; set; }
    [JsonPropertyName("name")] public JsonElement? Name { get; set; }
    [JsonPropertyName("title")] public JsonElement? Title { get; set; }
    [JsonPropertyName("status")] public JsonElement? Status { get; set; }
    [JsonPropertyName("agent_id")] public JsonElement? AgentId { get; set; }
    [JsonPropertyName("agent_name")] public JsonElement? AgentName { get; set; }
    [JsonPropertyName("from_phone_number")] public JsonElement? FromPhoneNumber { get; set; }

    // Total: schema `total_leads`, prose `total_calls`, list items `total_records` / `total_lead_count`.
    [JsonPropertyName("total_leads")] public JsonElement? TotalLeads { get; set; }
    [JsonPropertyName("total_calls")] public JsonElement? TotalCalls { get; set; }
    [JsonPropertyName("total_records")] public JsonElement? TotalRecords { get; set; }
    [JsonPropertyName("total_lead_count")] public JsonElement? TotalLeadCount { get; set; }

    // Completed / Failed: schema `completed` / `failed`, prose `completed_calls` / `failed_calls`.
    [JsonPropertyName("completed")] public JsonElement? Completed { get; set; }
    [JsonPropertyName("completed_calls")] public JsonElement? CompletedCalls { get; set; }
    [JsonPropertyName("failed")] public JsonElement? Failed { get; set; }
    [JsonPropertyName("failed_calls")] public JsonElement? FailedCalls { get; set; }

    [JsonPropertyName("created_at")] public JsonElement? CreatedAt { get; set; }
    [JsonPropertyName("createdAt")] public JsonElement? CreatedAtCamel { get; set; }
    [JsonPropertyName("updated_at")] public JsonElement? UpdatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public JsonElement? UpdatedAtCamel { get; set; }
    [JsonPropertyName("scheduled_at")] public JsonElement? ScheduledAt { get; set; }

    /// <summary>A 201's non-blocking notice (another batch runs first).</summary>
    [JsonPropertyName("warning")] public JsonElement? Warning { get; set; }
}

/// <summary>One call log (<c>/v1/calls</c>, <c>/v1/call-logs</c>, or <c>callLogs[]</c> of the newer batch read).</summary>
internal sealed class DialNexaCallLogDto
{
    [JsonPropertyName("id")] public JsonElement? Id { get; set; }
    [JsonPropertyName("to_number")] public JsonElement? ToNumber { get; set; }
    [JsonPropertyName("from_number")] public JsonElement? FromNumber { get; set; }
    [JsonPropertyName("status")] public JsonElement? Status { get; set; }
    [JsonPropertyName("duration")] public JsonElement? Duration { get; set; }
    [JsonPropertyName("createdAt")] public JsonElement? CreatedAtCamel { get; set; }
    [JsonPropertyName("created_at")] public JsonElement? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public JsonElement? UpdatedAtCamel { get; set; }
    [JsonPropertyName("updated_at")] public JsonElement? UpdatedAt { get; set; }
    [JsonPropertyName("recording_url")] public JsonElement? RecordingUrl { get; set; }
    [JsonPropertyName("recordingUrl")] public JsonElement? RecordingUrlCamel { get; set; }
    [JsonPropertyName("transcript")] public JsonElement? Transcript { get; set; }
}

/// <summary>Any paged envelope DialNexa uses: <c>{items[], total, page, limit}</c> (OpenAPI),
/// <c>{data[], meta:{page, limit, total, totalPages}}</c> (older docs) and <c>{callLogs[], total, page, limit, totalPages}</c>.</summary>
internal sealed class DialNexaPageDto
{
    [JsonPropertyName("items")] public JsonElement? Items { get; set; }
    [JsonPropertyName("data")] public JsonElement? Data { get; set; }
    [JsonPropertyName("callLogs")] public JsonElement? CallLogs { get; set; }
    [JsonPropertyName("total")] public JsonElement? Total { get; set; }
    [JsonPropertyName("page")] public JsonElement? Page { get; set; }
    [JsonPropertyName("limit")] public JsonElement? Limit { get; set; }
    [JsonPropertyName("totalPages")] public JsonElement? TotalPages { get; set; }
    [JsonPropertyName("meta")] public DialNexaPageMetaDto? Meta { get; set; }
}

/// <summary>The older list's <c>meta</c>.</summary>
internal sealed class DialNexaPageMetaDto
{
    [JsonPropertyName("total")] public JsonElement? Total { get; set; }
    [JsonPropertyName("page")] public JsonElement? Page { get; set; }
    [JsonPropertyName("limit")] public JsonElement? Limit { get; set; }
    [JsonPropertyName("totalPages")] public JsonElement? TotalPages { get; set; }
}

/// <summary>The body of <c>PATCH /v1/batch-calls/{id}/status</c>.</summary>
internal sealed class DialNexaStatusActionDto
{
    [JsonPropertyName("action")] public string? Action { get; set; }
}

/// <summary>The answer to a status action: <c>{success, message, campaign:{id, status, title}, affectedCalls}</c>.</summary>
internal sealed class DialNexaStatusResultDto
{
    [JsonPropertyName("success")] public JsonElement? Success { get; set; }
    [JsonPropertyName("message")] public JsonElement? Message { get; set; }
    [JsonPropertyName("campaign")] public DialNexaBatchDto? Campaign { get; set; }
}

/// <summary>The create form's <c>retry_config</c> JSON text: <c>{"max_retries":2,"retry_interval_minutes":60}</c> (seed 004).</summary>
internal sealed class DialNexaRetryConfigDto
{
    [JsonPropertyName("max_retries")] public int? MaxRetries { get; set; }
    [JsonPropertyName("retry_interval_minutes")] public int? RetryIntervalMinutes { get; set; }
}
