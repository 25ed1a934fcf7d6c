using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http.Json;

/// <summary>
/// An object of a wire DTO type that reads as null when the vendor sent something else there (a string, a number,
/// an array) or something that does not bind — one odd member never fails the body around it.
/// Put it on the property: <c>[JsonConverter(typeof(Lenient&lt;TelephonyDto&gt;))]</c>.
/// </summary>
internal sealed class Lenient<T> : JsonConverter<T?>
    where T : class
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var start = reader; // the whole value is buffered before a custom converter runs, so it can be read again
        try
        {
            return LenientJson.ReadInPlace(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
        catch (JsonException)
        {
            reader = start;
            reader.Skip();
            return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T?>)options.GetTypeInfo(typeof(T)));
}

/// <summary>
/// A JSON array of wire DTOs, element by element: an element that is not an object or does not bind is left out
/// (use <see cref="Wire{T}"/> elements to keep such an element's JSON instead); anything but an array reads as null.
/// </summary>
internal sealed class LenientList<T> : JsonConverter<List<T>?>
{
    public override bool HandleNull => true;

    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader;
            try
            {
                if (LenientJson.ReadInPlace(ref reader, info) is { } item) items.Add(item);
            }
            catch (JsonException)
            {
                reader = start;
                reader.Skip();
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<T>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        foreach (var item in value ?? []) JsonSerializer.Serialize(writer, item, info);
        writer.WriteEndArray();
    }
}

/// <summary>
/// A JSON object of per-contact variables as text: strings as sent (a blank one is still a variable), numbers and
/// booleans as their JSON text (<c>42</c>, <c>3.5</c>, <c>true</c>), objects and arrays as their JSON; nulls are left
/// out. Anything but an object reads as null.
/// </summary>
internal sealed class TextMapConverter : JsonConverter<IReadOnlyDictionary<string, string>?>
{
    public override bool HandleNull => true;

    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = default(TextFields.Builder);
        return ReadInto(ref reader, ref fields) ? fields.Build() : null;
    }

    /// <summary>Reads a variables object into <paramref name="fields"/> (the same rules); false when it is not an object.</summary>
    public static bool ReadInto(ref Utf8JsonReader reader, ref TextFields.Builder fields)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Words.Get(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    fields.Set(name, reader.GetString()!);
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    fields.Set(name, LenientJson.RawText(ref reader));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    using (var value = JsonDocument.ParseValue(ref reader)) fields.Set(name, value.RootElement.GetRawText());
                    break;
            }
        }

        return true;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value ?? CallRecord.EmptyVariables) writer.WriteString(name, text);
        writer.WriteEndObject();
    }
}

/// <summary>A JSON object of counts (<c>{"completed": 3, "ringing": "2"}</c>): each value read leniently, unreadable
/// values left out; anything but an object reads as null.</summary>
internal sealed class CountMapConverter : JsonConverter<Dictionary<string, int>?>
{
    public override bool HandleNull => true;

    public override Dictionary<string, int>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Words.Get(ref reader);
            reader.Read();
            if (LenientJson.ReadDouble(ref reader) is { } d && d is >= 0 and <= int.MaxValue) map[name] = (int)d;
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, int>? value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, count) in value ?? []) writer.WriteNumber(name, count);
        writer.WriteEndObject();
    }
}
