using System.Globalization;
using System.Text.Json;

namespace VoiceBatch.Internal;

/// <summary>
/// Reads vendor timestamps tolerantly: ISO-8601 with or without offset (no offset = UTC), unix seconds (number
/// or numeric string; values above 10^11 are taken as milliseconds). Anything unreadable — e.g. Bolna's seed
/// <c>2024-02-29T04:22:89Z</c> with 89 seconds — gives null, never an exception.
/// </summary>
internal static class Timestamps
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)) return FromUnix(unix);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;
    }

    public static DateTimeOffset? FromUnix(long? seconds)
    {
        if (seconds is not { } s || s <= 0) return null;
        try
        {
            return s > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(s) : DateTimeOffset.FromUnixTimeSeconds(s);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Reads a JSON value that may be a string or a number.</summary>
    public static DateTimeOffset? Read(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => Parse(e.GetString()),
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var n) => FromUnix(n),
        _ => null,
    };
}
