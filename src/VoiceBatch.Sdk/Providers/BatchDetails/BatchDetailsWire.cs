using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
/// and the contact's own fields (<c>account_id</c>, <c>priority</c>, …) as further members, collected in <see cref="Fields"/>.</summary>
[JsonConverter(typeof(BatchDetailsRecordConverter))]
internal sealed class BatchDetailsRecord
{
    public string? Id { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>The latest attempt of <c>phoneLogs[]</c> by <c>createdAt</c> (the later one in the array on a tie or an
    /// unreadable date); null when there is none. Picked while reading: the others are only in Raw.</summary>
    public BatchDetailsPhoneLog? LatestLog { get; set; }

    /// <summary>Every other top-level scalar member (the contact's own fields), as text, in the order sent; blank strings,
    /// nulls, objects and arrays are left out; <c>__v</c> (bookkeeping) too.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; set; } = CallRecord.EmptyVariables;
}

/// <summary>Reads <see cref="BatchDetailsRecord"/> in one pass, known members by their UTF-8 names (no string made for
/// them), the rest as the contact's fields: a record is never parsed a second time for its variables.</summary>
internal sealed class BatchDetailsRecordConverter : JsonConverter<BatchDetailsRecord>
{

    public override BatchDetailsRecord? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var text = (JsonTypeInfo<string?>)options.GetTypeInfo(typeof(string));
        var time = (JsonTypeInfo<DateTimeOffset?>)options.GetTypeInfo(typeof(DateTimeOffset?));
        var record = new BatchDetailsRecord();
        var fields = default(TextFields.Builder);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("_id"u8)) record.Id = Next(ref reader, text);
            else if (reader.ValueTextEquals("phoneNumber"u8)) record.PhoneNumber = Next(ref reader, text);
            else if (reader.ValueTextEquals("name"u8)) record.Name = Next(ref reader, text);
            else if (reader.ValueTextEquals("createdAt"u8)) record.CreatedAt = Next(ref reader, time);
            else if (reader.ValueTextEquals("updatedAt"u8)) record.UpdatedAt = Next(ref reader, time);
            else if (reader.ValueTextEquals("phoneLogs"u8))
            {
                reader.Read();
                record.LatestLog = LatestOf(ref reader, (JsonTypeInfo<BatchDetailsPhoneLog>)options.GetTypeInfo(typeof(BatchDetailsPhoneLog)));
            }
            else if (reader.ValueTextEquals("__v"u8))
            {
                reader.Read();
                reader.Skip();
            }
            else
            {
                var name = Words.Get(ref reader);
                reader.Read();
                if (LenientJson.ReadScalarText(ref reader) is { } value) fields.Set(name, value);
            }
        }

        record.Fields = fields.Build();
        return record;
    }

    /// <summary>The latest attempt of an array of them; an element that is not an attempt is skipped, anything but an array is none.</summary>
    private static BatchDetailsPhoneLog? LatestOf(ref Utf8JsonReader reader, JsonTypeInfo<BatchDetailsPhoneLog> typeInfo)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        BatchDetailsPhoneLog? latest = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var before = reader;
            BatchDetailsPhoneLog? log;
            try
            {
                log = LenientJson.ReadInPlace(ref reader, typeInfo);
            }
            catch (JsonException)
            {
                reader = before;
                reader.Skip();
                continue;
            }

            if (log is not null && (latest is null || (log.CreatedAt ?? DateTimeOffset.MinValue) >= (latest.CreatedAt ?? DateTimeOffset.MinValue))) latest = log;
        }

        return latest;
    }

    public override void Write(Utf8JsonWriter writer, BatchDetailsRecord value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Id is not null) writer.WriteString("_id"u8, value.Id);
        if (value.PhoneNumber is not null) writer.WriteString("phoneNumber"u8, value.PhoneNumber);
        if (value.Name is not null) writer.WriteString("name"u8, value.Name);
        if (value.CreatedAt is { } created) writer.WriteString("createdAt"u8, created);
        if (value.UpdatedAt is { } updated) writer.WriteString("updatedAt"u8, updated);
        foreach (var (name, field) in value.Fields) writer.WriteString(name, field);
        writer.WriteEndObject();
    }

    private static T? Next<T>(ref Utf8JsonReader reader, JsonTypeInfo<T?> typeInfo)
    {
        reader.Read();
        return LenientJson.ReadInPlace(ref reader, typeInfo);
    }
}

/// <summary>One attempt (<c>phoneLogs[]</c>).</summary>
internal sealed class BatchDetailsPhoneLog
{
    [JsonPropertyName("callStatus"), JsonConverter(typeof(WordConverter))] public string? CallStatus { get; set; }
    [JsonPropertyName("callDuration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? CallDuration { get; set; }
    [JsonPropertyName("recordingUrl"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("transcript")] public string? Transcript { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
}
