using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http.Json;

/// <summary>
/// A vendor's JSON value bound to its wire DTO, together with that value's own JSON — parsed once — for
/// <see cref="BatchCall.Raw"/> and <see cref="CallRecord.Raw"/>. <see cref="Value"/> is null when the JSON is not an
/// object of the DTO's shape (a string, an array, an object that does not bind): the JSON is still kept, so a list
/// item of an unexpected shape is reported as Unknown with its Raw rather than dropped or fatal.
/// Refit routes return <c>Task&lt;Wire&lt;TDto&gt;&gt;</c>; lists hold <c>List&lt;Wire&lt;TItemDto&gt;&gt;</c>.
/// </summary>
/// <typeparam name="T">The wire DTO.</typeparam>
[JsonConverter(typeof(WireConverterFactory))]
internal sealed class Wire<T>(T? value, JsonElement raw)
    where T : class
{
    /// <summary>The bound DTO, or null when the JSON does not have the DTO's shape.</summary>
    public T? Value { get; } = value;

    /// <summary>The JSON as the vendor sent it (a standalone element, independent of any pooled buffer).</summary>
    public JsonElement Raw { get; } = raw;
}

/// <summary>Creates the <see cref="Wire{T}"/> converter for each DTO type.</summary>
internal sealed class WireConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Wire<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(WireConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>Reads one JSON value into a standalone element (one parse), then binds the DTO from it.</summary>
internal sealed class WireConverter<T> : JsonConverter<Wire<T>>
    where T : class
{
    public override bool HandleNull => true;

    public override Wire<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        if (raw.ValueKind != JsonValueKind.Object) return new Wire<T>(null, raw);
        try
        {
            return new Wire<T>(raw.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))), raw);
        }
        catch (JsonException)
        {
            return new Wire<T>(null, raw);
        }
    }

    public override void Write(Utf8JsonWriter writer, Wire<T> value, JsonSerializerOptions options) => value.Raw.WriteTo(writer);
}
