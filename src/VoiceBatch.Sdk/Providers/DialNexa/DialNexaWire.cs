using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.DialNexa;

// DialNexa's wire contract, in both documented generations: seeds 000/004 and the older docs ("older"), and the current
// OpenAPI ("OA", api-evangelist/dialnexa @ 0de572a). Every member is optional; scalars are read by the tolerant
// converters on DialNexaJsonContext (ids and counters arrive as numbers or strings).

/// <summary>A batch record: the seed's schema (<c>total_leads/completed/failed</c>) and prose (<c>total_calls/completed_calls/failed_calls</c>)
/// forms, list items of both generations (OA: <c>title</c>, <c>total_records</c>, <c>total_lead_count</c>, <c>sent_lead_count</c>,
/// <c>createdAt</c>), the create answer (OA: <c>{id, title, total_records, status, from_number, warning}</c>; DialNexa's SDK:
/// <c>{data:{campaign_id, total_leads_imported, campaign_status}}</c>) and a status action's <c>campaign</c>.</summary>
internal class DialNexaBatch
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
    [JsonPropertyName("agent_name")] public string? AgentName { get; set; }
    [JsonPropertyName("from_phone_number")] public string? FromPhoneNumber { get; set; }
    [JsonPropertyName("from_number")] public string? FromNumber { get; set; }

    [JsonPropertyName("total_leads")] public int? TotalLeads { get; set; }
    [JsonPropertyName("total_calls")] public int? TotalCalls { get; set; }
    [JsonPropertyName("total_records")] public int? TotalRecords { get; set; }
    [JsonPropertyName("total_lead_count")] public int? TotalLeadCount { get; set; }
    [JsonPropertyName("sent_lead_count")] public int? SentLeadCount { get; set; }
    [JsonPropertyName("completed")] public int? Completed { get; set; }
    [JsonPropertyName("completed_calls")] public int? CompletedCalls { get; set; }
    [JsonPropertyName("failed")] public int? Failed { get; set; }
    [JsonPropertyName("failed_calls")] public int? FailedCalls { get; set; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAtCamel { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAtCamel { get; set; }
    [JsonPropertyName("scheduled_at")] public DateTimeOffset? ScheduledAt { get; set; }
    [JsonPropertyName("starts_at")] public DateTimeOffset? StartsAt { get; set; }

    /// <summary>OA 201: a non-blocking notice that another batch runs first.</summary>
    [JsonPropertyName("warning"), JsonConverter(typeof(Lenient<DialNexaWarning>))] public DialNexaWarning? Warning { get; set; }

    // DialNexa's own SDK (dialnexa/Nexa-SDK @ 6d45fdf, js/src/batchCalls.ts) types the create answer as
    // {statusCode, message, data:{campaign_id, total_leads_imported, campaign_status}}; a get may wrap the record in data too.
    [JsonPropertyName("campaign_id")] public string? CampaignId { get; set; }
    [JsonPropertyName("total_leads_imported")] public int? TotalLeadsImported { get; set; }
    [JsonPropertyName("campaign_status")] public string? CampaignStatus { get; set; }
    [JsonPropertyName("data"), JsonConverter(typeof(Lenient<DialNexaBatch>))] public DialNexaBatch? Data { get; set; }
}

/// <summary><c>GET /v1/batch-calls/{id}</c>: a batch record (seed 000), or the batch's call logs (OA).</summary>
internal sealed class DialNexaBatchAnswer : DialNexaBatch
{
    [JsonPropertyName("callLogs")] public List<Wire<DialNexaCallLog>>? CallLogs { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
}

/// <summary>OA 201 <c>warning</c>: <c>{message, conflicts[]}</c>.</summary>
internal sealed class DialNexaWarning
{
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("conflicts"), JsonConverter(typeof(LenientList<JsonElement>))] public List<JsonElement>? Conflicts { get; set; }
}

/// <summary>One call log: OA <c>/v1/calls</c> items and <c>callLogs[]</c> (<c>to_number</c>, <c>duration</c>, <c>createdAt</c>),
/// older <c>/v1/calls</c> items (<c>to_phone_number</c>, <c>duration_seconds</c>, <c>created_at</c>), older <c>/v1/call-logs</c>
/// rows (<c>id</c> = <c>log_…</c>, the call's id in <c>call_id</c>).</summary>
internal sealed class DialNexaCallLog
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("call_id")] public string? CallId { get; set; }
    [JsonPropertyName("to_number")] public string? ToNumber { get; set; }
    [JsonPropertyName("to_phone_number")] public string? ToPhoneNumber { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("duration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? Duration { get; set; }
    [JsonPropertyName("duration_seconds"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? DurationSeconds { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAtCamel { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAtCamel { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("ended_at")] public DateTimeOffset? EndedAt { get; set; }
    [JsonPropertyName("recording_url"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("recordingUrl"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrlCamel { get; set; }
    [JsonPropertyName("transcript")] public string? Transcript { get; set; }
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("batch_call_id")] public string? BatchCallId { get; set; }
    [JsonPropertyName("campaign_id")] public string? CampaignId { get; set; }
}

/// <summary>Any DialNexa page: OA <c>{items[], total, page, limit}</c>, older <c>{data[], meta:{page, limit, total, totalPages}}</c>,
/// and <c>{callLogs[], …}</c>.</summary>
internal sealed class DialNexaPage<T> : IListEnvelope<Wire<T>>
    where T : class
{
    [JsonPropertyName("items")] public List<Wire<T>>? ItemsMember { get; set; }
    [JsonPropertyName("data")] public List<Wire<T>>? Data { get; set; }
    [JsonPropertyName("callLogs")] public List<Wire<T>>? CallLogs { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
    [JsonPropertyName("meta"), JsonConverter(typeof(Lenient<DialNexaPageMeta>))] public DialNexaPageMeta? Meta { get; set; }

    public IReadOnlyList<Wire<T>>? Items => ItemsMember ?? Data ?? CallLogs;
}

/// <summary>The older list's <c>meta</c>.</summary>
internal sealed class DialNexaPageMeta
{
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
}

/// <summary>The body of <c>PATCH /v1/batch-calls/{id}/status</c>: <c>{"action": "pause" | "resume" | "cancel"}</c>.</summary>
internal sealed class DialNexaStatusAction
{
    [JsonPropertyName("action")] public string? Action { get; set; }
}

/// <summary>The answer to a status action: <c>{success, message, campaign:{id, status, title}, affectedCalls:{…}}</c>.</summary>
internal sealed class DialNexaStatusResult
{
    [JsonPropertyName("success")] public bool? Success { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("campaign"), JsonConverter(typeof(Lenient<DialNexaBatch>))] public DialNexaBatch? Campaign { get; set; }
}

/// <summary>The create form's <c>retry_config</c> JSON text: <c>{"max_retries":2,"retry_interval_minutes":60}</c> (seed 004).</summary>
internal sealed class DialNexaRetryConfig
{
    [JsonPropertyName("max_retries")] public int? MaxRetries { get; set; }
    [JsonPropertyName("retry_interval_minutes")] public int? RetryIntervalMinutes { get; set; }
}

/// <summary>
/// A 400 (or 403) "destination validation" report. Seed 004 says only "grouped error details, including the affected
/// row numbers"; the older docs (<c>batch-calls/recipient-files</c>) name the per-row fields <c>position</c> ("Row position
/// in the uploaded CSV"), <c>phone_number</c> and <c>failed_parsing_reason</c>; the container is undocumented. So every
/// top-level array (and an object mapping reasons to rows) is read; see <see cref="DialNexaMapping.RowErrors"/>.
/// </summary>
internal sealed class DialNexaRowReport
{
    [JsonPropertyName("message")] public JsonElement? Message { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }

    /// <summary>Every other member: arrays of row groups (<c>errors</c>, <c>details</c>, …) or a reason → rows object.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Members { get; set; }
}

/// <summary>One group (or one row) of a row report.</summary>
internal sealed class DialNexaRowGroup
{
    [JsonPropertyName("reason")] public string? Reason { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("failed_parsing_reason")] public string? FailedParsingReason { get; set; }
    [JsonPropertyName("column")] public string? Column { get; set; }
    [JsonPropertyName("field")] public string? Field { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("rows"), JsonConverter(typeof(RowNumbersConverter))] public List<int>? Rows { get; set; }
    [JsonPropertyName("row_numbers"), JsonConverter(typeof(RowNumbersConverter))] public List<int>? RowNumbers { get; set; }
    [JsonPropertyName("rowNumbers"), JsonConverter(typeof(RowNumbersConverter))] public List<int>? RowNumbersCamel { get; set; }
    [JsonPropertyName("row"), JsonConverter(typeof(RowNumbersConverter))] public List<int>? Row { get; set; }
    [JsonPropertyName("position"), JsonConverter(typeof(RowNumbersConverter))] public List<int>? Position { get; set; }

    public string? ReasonText => FailedParsingReason ?? Reason ?? Message ?? Error;

    public List<int>? AllRows => Rows ?? RowNumbers ?? RowNumbersCamel ?? Row ?? Position;
}

/// <summary>Row numbers as DialNexa may write them: a number, numeric text, <c>"2, 5"</c>, or a list of those.</summary>
internal sealed class RowNumbersConverter : JsonConverter<List<int>?>
{
    public override bool HandleNull => true;

    public override List<int>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = new List<int>();
        Collect(ref reader, rows);
        return rows.Count == 0 ? null : rows;
    }

    public override void Write(Utf8JsonWriter writer, List<int>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value ?? []) writer.WriteNumberValue(row);
        writer.WriteEndArray();
    }

    private static void Collect(ref Utf8JsonReader reader, List<int> rows)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var n):
                rows.Add(n);
                break;
            case JsonTokenType.String:
                foreach (var part in (reader.GetString() ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)) rows.Add(r);
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) Collect(ref reader, rows);
                break;
            default:
                reader.Skip();
                break;
        }
    }
}
