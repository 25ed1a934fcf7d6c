using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>The envelope every batch-details answer comes in: <c>{message, status, code, errorMessage, data}</c>.
/// Loosely typed members are <see cref="JsonElement"/> so one odd value never fails the read.</summary>
internal sealed class BatchDetailsEnvelopeDto
{
    [JsonPropertyName("message")] public JsonElement? Message { get; set; }
    [JsonPropertyName("status")] public JsonElement? Status { get; set; }
    [JsonPropertyName("code")] public JsonElement? Code { get; set; }
    [JsonPropertyName("errorMessage")] public JsonElement? ErrorMessage { get; set; }
    [JsonPropertyName("data")] public BatchDetailsDataDto? Data { get; set; }
}

/// <summary><c>data</c>: the batch's metadata and one page of call records (kept as JSON: every record is read
/// field by field, and its unknown scalars become variables).</summary>
internal sealed class BatchDetailsDataDto
{
    [JsonPropertyName("batchId")] public JsonElement? BatchId { get; set; }
    [JsonPropertyName("batchName")] public JsonElement? BatchName { get; set; }
    [JsonPropertyName("batchStatus")] public JsonElement? BatchStatus { get; set; }
    [JsonPropertyName("page")] public JsonElement? Page { get; set; }
    [JsonPropertyName("limit")] public JsonElement? Limit { get; set; }
    [JsonPropertyName("total")] public JsonElement? Total { get; set; }
    [JsonPropertyName("totalPages")] public JsonElement? TotalPages { get; set; }
    [JsonPropertyName("data")] public List<JsonElement>? Data { get; set; }
}
