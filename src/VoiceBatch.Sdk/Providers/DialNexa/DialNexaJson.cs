using System.Globalization;
using System.Text.Json;
using VoiceBatch.Internal;

namespace VoiceBatch.Providers.DialNexa;

/// <summary>Tolerant readers for DialNexa's loosely typed fields: a value of an unexpected JSON type reads as null
/// instead of failing the whole batch or call.</summary>
internal static class DialNexaJson
{
    /// <summary>A string as is, a number or boolean as its JSON text; objects, arrays and blanks → null.</summary>
    public static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>A whole number from a JSON number (fractions truncated) or a numeric string; else null.</summary>
    public static int? Int(JsonElement? element)
    {
        switch (element)
        {
            case { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n):
                return n;
            case { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) && d is >= int.MinValue and <= int.MaxValue:
                return (int)d;
            case { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= int.MinValue and <= int.MaxValue:
                return (int)s;
            default:
                return null;
        }
    }

    /// <summary>A duration given in seconds (number or numeric string); negative or unreadable → null.</summary>
    public static TimeSpan? Seconds(JsonElement? element)
    {
        double? seconds = element switch
        {
            { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) => d,
            { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
        return seconds is >= 0 and < 100_000_000 ? TimeSpan.FromSeconds(seconds.Value) : null;
    }

    /// <summary>A timestamp (ISO-8601 or unix), from the first alias that reads.</summary>
    public static DateTimeOffset? Time(JsonElement? first, JsonElement? second = null) => Timestamps.Read(first) ?? Timestamps.Read(second);

    /// <summary>An absolute http(s) URL, else null.</summary>
    public static Uri? Url(JsonElement? element)
        => WebLink.Parse(Text(element));

    /// <summary>The elements of a JSON array, or null when the value is not an array.</summary>
    public static IReadOnlyList<JsonElement>? Array(JsonElement? element)
        => element is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray()] : null;

    /// <summary>A boolean (JSON true/false or the strings "true"/"false"); else null.</summary>
    public static bool? Bool(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        _ => null,
    };
}
