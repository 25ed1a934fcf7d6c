using System.Globalization;
using System.Text.Json;

namespace VoiceBatch.Internal;

/// <summary>
/// The one set of tolerant readers for vendors' loosely typed JSON fields: a value of an unexpected JSON kind, a
/// blank, or a number out of range reads as null, never as an exception, so one odd field never loses a batch or a
/// call. Every reader takes a nullable element (absent = null); the <c>(obj, name)</c> overloads read a member of an
/// object and give null when <c>obj</c> is not an object or has no such member.
/// </summary>
internal static class WireJson
{
    /// <summary>Longest duration believed, in seconds (about 31 years); anything longer is garbage, not a call.</summary>
    private const double MaxSeconds = 1e9;

    /// <summary>The member <paramref name="name"/> of an object; null when <paramref name="obj"/> is not an object
    /// (never throws, unlike <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>) or lacks it.</summary>
    public static JsonElement? Member(JsonElement? obj, string name)
        => obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string as is, a number or boolean as its JSON text (<c>42</c>, <c>3.5</c>, <c>true</c>); blank
    /// strings, null, objects and arrays → null. For ids, names, status words, phone numbers, links.</summary>
    public static string? Text(JsonElement? element)
        => Scalar(element) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <inheritdoc cref="Text(JsonElement?)"/>
    public static string? Text(JsonElement? obj, string name) => Text(Member(obj, name));

    /// <summary>Like <see cref="Text(JsonElement?)"/> but a blank string is kept as sent (a variable whose value is
    /// empty is still a variable); null, objects and arrays → null.</summary>
    public static string? Scalar(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>A whole number (negative allowed) from a JSON number or a numeric string (<c>"12"</c>, <c>"12.0"</c>,
    /// <c>" 7 "</c>); fractions are truncated toward zero; outside the <see cref="int"/> range or unreadable → null.</summary>
    public static int? Int(JsonElement? element)
    {
        switch (element)
        {
            case { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n):
                return n;
            case { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d):
                return ToInt(d);
            case { ValueKind: JsonValueKind.String } e when TryParseDouble(e.GetString(), out var s):
                return ToInt(s);
            default:
                return null;
        }
    }

    /// <inheritdoc cref="Int(JsonElement?)"/>
    public static int? Int(JsonElement? obj, string name) => Int(Member(obj, name));

    /// <summary>A count (totals, page counts): <see cref="Int(JsonElement?)"/>, but a negative value is garbage and
    /// reads as null (unknown) rather than steering paging or counters.</summary>
    public static int? Count(JsonElement? element) => Int(element) is { } n && n >= 0 ? n : null;

    /// <summary>A boolean: JSON true/false or the strings <c>"true"</c>/<c>"false"</c> (any case); else null.</summary>
    public static bool? Bool(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>A duration in seconds from a JSON number or a numeric string; a fraction is kept (<c>12.5</c> → 12.5 s);
    /// negative, above 10^9 seconds, or unreadable → null.</summary>
    public static TimeSpan? Seconds(JsonElement? element)
    {
        double? seconds = element switch
        {
            { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) => d,
            { ValueKind: JsonValueKind.String } e when TryParseDouble(e.GetString(), out var s) => s,
            _ => null,
        };
        return seconds is { } v && double.IsFinite(v) && v is >= 0 and <= MaxSeconds ? TimeSpan.FromSeconds(v) : null;
    }

    /// <inheritdoc cref="Seconds(JsonElement?)"/>
    public static TimeSpan? Seconds(JsonElement? obj, string name) => Seconds(Member(obj, name));

    /// <summary>A timestamp (ISO-8601 or unix, see <see cref="Timestamps"/>) from the first of two aliases that reads.</summary>
    public static DateTimeOffset? Time(JsonElement? first, JsonElement? second = null) => Timestamps.Read(first) ?? Timestamps.Read(second);

    /// <summary>A timestamp (see <see cref="Timestamps"/>) from the member <paramref name="name"/> of an object.</summary>
    public static DateTimeOffset? Time(JsonElement? obj, string name) => Timestamps.Read(Member(obj, name));

    /// <summary>An absolute http(s) URL (see <see cref="WebLink"/>), else null.</summary>
    public static Uri? Url(JsonElement? element) => WebLink.Parse(Text(element));

    /// <inheritdoc cref="Url(JsonElement?)"/>
    public static Uri? Url(JsonElement? obj, string name) => Url(Member(obj, name));

    /// <summary>The elements of a JSON array, or null when the value is not an array.</summary>
    public static IReadOnlyList<JsonElement>? Array(JsonElement? element)
        => element is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray()] : null;

    /// <summary>The elements of the first of <paramref name="names"/> whose member is an array; null when none is.</summary>
    public static IReadOnlyList<JsonElement>? FirstArray(JsonElement? obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (Array(Member(obj, name)) is { } items) return items;
        }

        return null;
    }

    private static bool TryParseDouble(string? text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static int? ToInt(double value)
        => double.IsFinite(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;
}
