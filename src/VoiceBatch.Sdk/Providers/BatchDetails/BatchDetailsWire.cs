using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.BatchDetails;

// The batch-details wire contract (seed 002), member for member. Every member optional; scalars are read by the
// tolerant converters on BatchDetailsJsonContext.

/// <summary>The envelope every answer comes in: <c>{message, status, code, errorMessage, data}</c>.</summary>
internal sealed class BatchDetailsEnvelope
{
    [JsonPropertyName("message")] public string? Message { get; set; }

    /// <summary><c>true</c>, or <c>false</c> (also <c>"false"</c>) for a failure sent with HTTP 200.</summary>
    [JsonPropertyName("status")] public bool? Status { get; set; }

    /// <summary>The vendor's code (a number or numeric text, e.g. 200, 404).</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }

    /// <summary>Empty on success; any JSON otherwise (read as text).</summary>
    [JsonPropertyName("errorMessage"), JsonConverter(typeof(AnyTextConverter))] public string? ErrorMessage { get; set; }

    [JsonPropertyName("data"), JsonConverter(typeof(Lenient<BatchDetailsData>))] public BatchDetailsData? Data { get; set; }
}

/// <summary><c>data</c>: the batch's metadata and one page of call records.</summary>
internal sealed class BatchDetailsData
{
    [JsonPropertyName("batchId")] public string? BatchId { get; set; }
    [JsonPropertyName("batchName")] public string? BatchName { get; set; }
    [JsonPropertyName("batchStatus")] public string? BatchStatus { get; set; }

    /// <summary>Calls matching the filter (seed: "Total number of calls in the batch matching the filter criteria").</summary>
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
    [JsonPropertyName("data"), JsonConverter(typeof(LenientList<Wire<BatchDetailsRecord>>))] public List<Wire<BatchDetailsRecord>>? Records { get; set; }
}

/// <summary>One call record: <c>_id</c>, <c>phoneNumber</c>, <c>name</c>, <c>createdAt</c>, <c>phoneLogs[]</c> (the attempts),
/// and the contact's own fields (<c>account_id</c>, <c>priority</c>, …) as further members.</summary>
internal sealed class BatchDetailsRecord
{
    [JsonPropertyName("_id")] public string? Id { get; set; }
    [JsonPropertyName("phoneNumber")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("phoneLogs"), JsonConverter(typeof(LenientList<BatchDetailsPhoneLog>))] public List<BatchDetailsPhoneLog>? PhoneLogs { get; set; }

    /// <summary>Every other member: the contact's own fields (scalars become variables; <c>__v</c> is bookkeeping).</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>One attempt (<c>phoneLogs[]</c>).</summary>
internal sealed class BatchDetailsPhoneLog
{
    [JsonPropertyName("callStatus")] public string? CallStatus { get; set; }
    [JsonPropertyName("callDuration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? CallDuration { get; set; }
    [JsonPropertyName("recordingUrl"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("transcript")] public string? Transcript { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
}
