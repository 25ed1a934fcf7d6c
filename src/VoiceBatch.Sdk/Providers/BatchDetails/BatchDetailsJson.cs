using System.Globalization;
using System.Text.Json;

namespace VoiceBatch.Providers.BatchDetails;

/// <summary>Tolerant readers for batch-details' loosely typed fields: an unexpected JSON type reads as null.</summary>
internal static class BatchDetailsJson
{
    /// <summary>A string as is, a number or boolean as its JSON text; objects, arrays, null and blanks → null.</summary>
    public static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        _ => null,
    };

    public static string? Text(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? Text(value) : null;

    /// <summary>A whole number from a JSON number or a numeric string; else null.</summary>
    public static int? Int(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) && d is >= 0 and <= int.MaxValue => (int)d,
        { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= int.MaxValue => (int)s,
        _ => null,
    };

    /// <summary><see langword="false"/> for JSON false or the text "false"; true/null otherwise (absent = no verdict).</summary>
    public static bool? Bool(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>Seconds (a number or numeric string) as a duration; negative, huge or unreadable → null.</summary>
    public static TimeSpan? Seconds(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        double seconds;
        if (v.ValueKind == JsonValueKind.Number) seconds = v.GetDouble();
        else if (v.ValueKind != JsonValueKind.String || !double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)) return null;
        return double.IsFinite(seconds) && seconds is >= 0 and <= 1e9 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
