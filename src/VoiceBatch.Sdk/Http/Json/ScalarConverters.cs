using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceBatch.Http.Json;

// The tolerant readers every vendor's wire DTOs are bound with. Registered on each vendor's source-generated context
// (see any Providers/<Vendor>/<Vendor>JsonContext.cs), they make one odd field read as null instead of losing the
// whole batch: vendors send numbers as strings, ids as numbers, unix or ISO times, and the odd invalid date.

/// <summary>A string as sent; a number or boolean as its JSON text (<c>42</c>, <c>3.5</c>, <c>true</c>), so an id sent
/// as a number still reads; a blank string, null, an object or an array → null.</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LenientJson.ReadScalarText(ref reader);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }

    // Registered for every string of a context, so it also reads and writes dictionary keys (variables maps).
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() ?? string.Empty;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>A whole number from a JSON number or a numeric string (<c>"12"</c>, <c>"12.0"</c>, <c>" 7 "</c>);
/// fractions are truncated toward zero; outside the <see cref="int"/> range, a wrong kind or unreadable → null.</summary>
internal sealed class LenientInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LenientJson.ReadDouble(ref reader) is { } d && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>Like <see cref="LenientInt32Converter"/> for <see cref="long"/> (unix times, large ids).</summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var exact)) return exact;
        return LenientJson.ReadDouble(ref reader) is { } d && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>A number (or numeric string) as <see cref="double"/>; not finite, a wrong kind or unreadable → null.</summary>
internal sealed class LenientDoubleConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => LenientJson.ReadDouble(ref reader);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>JSON <c>true</c>/<c>false</c> or the strings <c>"true"</c>/<c>"false"</c> (any case); anything else → null.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return bool.TryParse(reader.GetString(), out var b) ? b : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteBooleanValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>
/// A timestamp sent as ISO-8601 (with or without offset; none = UTC) or as unix time (a number or numeric string;
/// values above 10^11 are milliseconds). Anything unreadable — e.g. Bolna's seed <c>2024-02-29T04:22:89Z</c> with 89
/// seconds — or not positive reads as null, never as an exception. Written as ISO-8601.
/// </summary>
internal sealed class LenientTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var unix) ? LenientJson.FromUnix(unix)
                    : reader.TryGetDouble(out var d) && double.IsFinite(d) && d is > 0 and < long.MaxValue ? LenientJson.FromUnix((long)d) : null;
            case JsonTokenType.String:
                // The common ISO-8601 form straight from the UTF-8 bytes; anything else (no offset, unix text, odd forms) by text.
                if (reader.TryGetDateTimeOffset(out var iso) && HasOffset(ref reader)) return iso;
                return LenientJson.ParseTime(reader.GetString());
            default:
                reader.Skip();
                return null;
        }
    }

    // System.Text.Json reads an ISO time without an offset as LOCAL time; the vendors mean UTC, which ParseTime assumes.
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return span.Length > 0 && (span[^1] == (byte)'Z' || span.Length > 6 && span[^6] is (byte)'+' or (byte)'-');
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>A duration in SECONDS from a number or numeric string; a fraction is kept (<c>12.5</c> → 12.5 s);
/// negative, above 10^9 s (about 31 years: garbage, not a call), a wrong kind or unreadable → null.
/// Put it on the property: <c>[JsonConverter(typeof(SecondsConverter))]</c>.</summary>
internal sealed class SecondsConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LenientJson.Duration(LenientJson.ReadDouble(ref reader), 1);

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v.TotalSeconds);
        else writer.WriteNullValue();
    }
}

/// <summary>Like <see cref="SecondsConverter"/>, for durations the vendor sends in MILLISECONDS.</summary>
internal sealed class MillisecondsConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LenientJson.Duration(LenientJson.ReadDouble(ref reader), 0.001);

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue((long)v.TotalMilliseconds);
        else writer.WriteNullValue();
    }
}

/// <summary>An absolute http(s) link (recordings, …); anything else — a bare path (which parses as <c>file://</c> on
/// Linux), another scheme, a wrong kind — reads as null, so no caller is ever handed a non-web URI.</summary>
internal sealed class WebLinkConverter : JsonConverter<Uri?>
{
    public override bool HandleNull => true;

    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return LenientJson.WebLink(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.OriginalString);
    }
}

/// <summary>The parsing rules the converters share (also used where an adapter holds a value as text already).</summary>
internal static class LenientJson
{
    private const double MaxSeconds = 1e9;

    /// <summary>The current number or boolean token as its JSON text.</summary>
    public static string RawText(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return System.Text.Encoding.UTF8.GetString(span);
    }

    /// <summary>
    /// Binds the current value with <paramref name="typeInfo"/>'s converter on THIS reader. Unlike
    /// <c>JsonSerializer.Deserialize(ref reader, …)</c>, which hands nested converters a new reader over the value alone,
    /// the token positions nested converters see stay positions in the whole body — what <see cref="WireConverter{T}"/>
    /// slices each value's Raw by. Every shared converter that binds a nested DTO goes through here.
    /// </summary>
    public static T? ReadInPlace<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
        => ((JsonConverter<T>)typeInfo.Converter).Read(ref reader, typeof(T), typeInfo.Options);

    /// <summary>
    /// The current value as a variable's text: a non-blank string as sent, a number or boolean as its JSON text; null for
    /// a blank string, null, object or array (skipped). What a contact's own fields beside a vendor's known members become.
    /// </summary>
    /// <param name="reader">At the value.</param>
    /// <param name="word">Make a short repeated string once per thread (<see cref="Words"/>): status words, names.</param>
    public static string? ReadScalarText(ref Utf8JsonReader reader, bool word = false)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = word ? Words.Get(ref reader) : reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return RawText(ref reader);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>A number, or a string holding one; null for anything else (the value is skipped).</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(span.Trim(" \t"u8), out double parsed, out var used) && used == span.Trim(" \t"u8).Length)
                {
                    return double.IsFinite(parsed) ? parsed : null;
                }

                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var slow) && double.IsFinite(slow) ? slow : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>ISO-8601 (no offset = UTC) or unix seconds/milliseconds as text; null when unreadable.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)) return FromUnix(unix);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;
    }

    /// <summary>Unix seconds, or milliseconds when above 10^11; not positive or out of range → null.</summary>
    public static DateTimeOffset? FromUnix(long seconds)
    {
        if (seconds <= 0) return null;
        try
        {
            return seconds > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(seconds) : DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A duration from a count of units (<paramref name="secondsPerUnit"/> seconds each); negative or absurd → null.</summary>
    public static TimeSpan? Duration(double? units, double secondsPerUnit)
        => units is { } u && (u * secondsPerUnit) is var s && s is >= 0 and <= MaxSeconds ? TimeSpan.FromSeconds(s) : null;

    /// <summary>An absolute http(s) URL, else null.</summary>
    public static Uri? WebLink(string? text)
        => Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
}

/// <summary>Any JSON value as text: a string as sent, anything else (numbers, objects, arrays) as its JSON; blank
/// and null → null. For error bodies, whose <c>message</c> may be a string, a list or an object.</summary>
internal sealed class AnyTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            default:
                return LenientJson.RawText(ref reader);
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
