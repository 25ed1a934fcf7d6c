using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http.Json;

/// <summary>
/// A vendor's JSON value bound to its wire DTO, together with that value's own JSON — read once — for
/// <see cref="BatchCall.Raw"/> and <see cref="CallRecord.Raw"/>. <see cref="Value"/> is null when the JSON is not an
/// object of the DTO's shape (a string, an array, an object that does not bind): the JSON is still kept, so a list
/// item of an unexpected shape is reported as Unknown with its Raw rather than dropped or fatal.
/// Refit routes return <c>Task&lt;Wire&lt;TDto&gt;&gt;</c>; lists hold <c>List&lt;Wire&lt;TItemDto&gt;&gt;</c>.
/// </summary>
/// <typeparam name="T">The wire DTO.</typeparam>
[JsonConverter(typeof(WireConverterFactory))]
internal sealed class Wire<T>(T? value, RawJson json)
    where T : class
{
    /// <summary>The bound DTO, or null when the JSON does not have the DTO's shape.</summary>
    public T? Value { get; } = value;

    /// <summary>The JSON as the vendor sent it, kept without parsing it again (give it to a model's <c>RawJson</c>).</summary>
    public RawJson Json { get; } = json;

    /// <summary>The JSON as a standalone element (parsed on first use).</summary>
    public JsonElement Raw => Json.Element;
}

/// <summary>Creates the <see cref="Wire{T}"/> converter for each DTO type.</summary>
internal sealed class WireConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Wire<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(WireConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>
/// Binds the DTO in one pass over the value and keeps the value's bytes: a slice of the answer when the SDK owns it
/// (<see cref="CurrentBody"/>), else a parsed copy. A value that does not bind keeps its JSON with a null DTO.
/// </summary>
internal sealed class WireConverter<T> : JsonConverter<Wire<T>>
    where T : class
{
    public override bool HandleNull => true;

    public override Wire<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var body = CurrentBody.Bytes;
        if (body is null || reader.HasValueSequence) return ReadCopy(ref reader, options);

        var before = reader;
        var start = (int)reader.TokenStartIndex;
        T? value = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            try
            {
                value = LenientJson.ReadInPlace(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            }
            catch (JsonException)
            {
                reader = before;
                reader.Skip();
            }
        }
        else
        {
            reader.Skip();
        }

        var end = (int)reader.BytesConsumed;
        if (!Spans(body, start, end, before.TokenType))
        {
            // The reader's positions are not positions in this body (a caller bound a nested value on a reader of its
            // own): keep a parsed copy instead of a wrong slice.
            reader = before;
            return ReadCopy(ref reader, options);
        }

        return new Wire<T>(value, RawJson.FromUtf8(body.AsMemory(start, end - start)));
    }

    /// <summary>Whether body[start..end] is plausibly the value the reader just read: in range, and opened and closed by
    /// the bytes its first token needs.</summary>
    private static bool Spans(byte[] body, int start, int end, JsonTokenType first)
    {
        if (start < 0 || end > body.Length || end <= start) return false;
        var (open, close) = (body[start], body[end - 1]);
        return first switch
        {
            JsonTokenType.StartObject => open == (byte)'{' && close == (byte)'}',
            JsonTokenType.StartArray => open == (byte)'[' && close == (byte)']',
            JsonTokenType.String => open == (byte)'"' && close == (byte)'"' && end - start >= 2,
            JsonTokenType.Null => open == (byte)'n',
            JsonTokenType.True => open == (byte)'t',
            JsonTokenType.False => open == (byte)'f',
            _ => true,
        };
    }

    public override void Write(Utf8JsonWriter writer, Wire<T> value, JsonSerializerOptions options) => value.Raw.WriteTo(writer);

    private static Wire<T> ReadCopy(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        T? value = null;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            try
            {
                value = raw.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            }
            catch (JsonException)
            {
                value = null;
            }
        }

        return new Wire<T>(value, RawJson.FromElement(raw));
    }
}
