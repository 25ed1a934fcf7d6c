using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Providers.Bolna;

// Bolna's wire contract, member for member as its API reference names it. Scalars are read by the tolerant
// converters on BolnaJsonContext (numbers as text, unix-or-ISO times, an invalid time as null).

/// <summary>A batch (<c>Batch</c> schema, seed 003; list items share it).</summary>
internal sealed class BolnaBatch
{
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("scheduled_at")] public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>Deprecated by Bolna ("use <c>from_phone_numbers</c>"), still sent by older accounts.</summary>
    [JsonPropertyName("from_phone_number")] public string? FromPhoneNumber { get; set; }

    [JsonPropertyName("from_phone_numbers"), JsonConverter(typeof(LenientList<string>))] public List<string>? FromPhoneNumbers { get; set; }
    [JsonPropertyName("file_name")] public string? FileName { get; set; }
    [JsonPropertyName("valid_contacts")] public int? ValidContacts { get; set; }
    [JsonPropertyName("total_contacts")] public int? TotalContacts { get; set; }
    [JsonPropertyName("agent_id")] public string? AgentId { get; set; }

    /// <summary>Execution status → count.</summary>
    [JsonPropertyName("execution_status"), JsonConverter(typeof(CountMapConverter))] public Dictionary<string, int>? ExecutionStatus { get; set; }
}

/// <summary>The answer to create (<c>{batch_id, state:"created"}</c>), schedule (<c>{message, state:"scheduled"}</c> or
/// <c>state:"scheduled at 2024-03-20T04:10:00+00:00"</c>) and stop (<c>{message, state:"stopped"}</c>).</summary>
internal sealed class BolnaState
{
    [JsonPropertyName("batch_id")] public string? BatchId { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

/// <summary>One execution (one call): <c>AgentExecution</c>.</summary>
internal sealed class BolnaExecution
{
    /// <summary>A UUID in the OpenAPI, an integer in Bolna's guides: read as text either way.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status"), JsonConverter(typeof(WordConverter))] public string? Status { get; set; }
    [JsonPropertyName("conversation_duration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? ConversationDuration { get; set; }
    [JsonPropertyName("conversation_time"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? ConversationTime { get; set; }
    [JsonPropertyName("transcript")] public string? Transcript { get; set; }
    [JsonPropertyName("user_number")] public string? UserNumber { get; set; }
    [JsonPropertyName("recording_url"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAtCamel { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAtCamel { get; set; }
    [JsonPropertyName("telephony_data"), JsonConverter(typeof(Lenient<BolnaTelephony>))] public BolnaTelephony? Telephony { get; set; }
    [JsonPropertyName("context_details"), JsonConverter(typeof(Lenient<BolnaContext>))] public BolnaContext? Context { get; set; }
}

/// <summary><c>telephony_data</c> (<c>duration</c> is a string in the schema, a number in every example).</summary>
internal sealed class BolnaTelephony
{
    [JsonPropertyName("to_number")] public string? ToNumber { get; set; }
    [JsonPropertyName("recording_url"), JsonConverter(typeof(WebLinkConverter))] public Uri? RecordingUrl { get; set; }
    [JsonPropertyName("duration"), JsonConverter(typeof(SecondsConverter))] public TimeSpan? Duration { get; set; }
}

/// <summary><c>context_details</c>: for a batch, <c>recipient_data</c> holds the CSV row's other columns; its other scalar
/// members (<c>recipient_phone_number</c> among them) are variables too, collected as they are read.</summary>
[JsonConverter(typeof(BolnaContextConverter))]
internal sealed class BolnaContext
{
    public string? RecipientPhoneNumber { get; set; }

    /// <summary>The call's variables: every scalar member as text (strings as sent, numbers and booleans as their JSON),
    /// then each <c>recipient_data</c> entry whose name is not taken (its objects and arrays as their JSON), in the order sent.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; set; } = CallRecord.EmptyVariables;
}

/// <summary>Reads <see cref="BolnaContext"/> in one pass: the execution's JSON is never parsed a second time for its variables.</summary>
internal sealed class BolnaContextConverter : JsonConverter<BolnaContext>
{
    public override BolnaContext? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var context = new BolnaContext();
        var scalars = default(TextFields.Builder);
        var data = default(TextFields.Builder);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("recipient_data"u8))
            {
                reader.Read();
                TextMapConverter.ReadInto(ref reader, ref data); // as any variables map: objects and arrays as their JSON
                continue;
            }

            var name = Words.Get(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    if (name == "recipient_phone_number") context.RecipientPhoneNumber = text;
                    scalars.Set(name, text);
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    scalars.Set(name, LenientJson.RawText(ref reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        foreach (var (name, value) in data.Build()) scalars.TryAdd(name, value);
        context.Variables = scalars.Build();
        return context;
    }

    public override void Write(Utf8JsonWriter writer, BolnaContext value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value.Variables) writer.WriteString(name, text);
        writer.WriteEndObject();
    }

}

/// <summary>The paged form of the executions answer: <c>{page_number|page, page_size, total, has_more, data[]}</c>.</summary>
internal sealed class BolnaExecutionPage : IListEnvelope<Wire<BolnaExecution>>
{
    [JsonPropertyName("data")] public List<Wire<BolnaExecution>>? Data { get; set; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("page_size")] public int? PageSize { get; set; }

    IReadOnlyList<Wire<BolnaExecution>>? IListEnvelope<Wire<BolnaExecution>>.Items => Data;
}
