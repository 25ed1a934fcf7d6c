namespace VoiceBatch.Internal;

/// <summary>
/// The one status-word normaliser every adapter uses before its mapping table: lower case, with <c>-</c>, <c>_</c>
/// and spaces removed, and <c>canceled</c> spelled <c>cancelled</c> (so <c>in-progress</c> = <c>in_progress</c> =
/// <c>InProgress</c> = <c>inprogress</c>). Null or blank gives null.
/// </summary>
internal static class StatusWord
{
    public static string? Normalize(string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (c is '-' or '_' || char.IsWhiteSpace(c)) continue;
            buffer[length++] = char.ToLowerInvariant(c);
        }

        var text = new string(buffer[..length]);
        return text == "canceled" ? "cancelled" : text;
    }
}
