using System.Text.RegularExpressions;

namespace VoiceBatch.Internal;

/// <summary>Scrubs text that may reach a message or a log: the API key, bearer tokens and phone numbers.</summary>
internal static partial class Redactor
{
    public static string Scrub(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 4) text = text.Replace(secret, "***", StringComparison.Ordinal);
        text = BearerToken().Replace(text, "Bearer ***");
        return PhoneLike().Replace(text, m => Contacts.PhoneNumberNormalizer.Mask(m.Value));
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/=]+", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // A '+' and 8-15 digits, or 10-15 bare digits: long enough to be a phone number, not a count or a year.
    [GeneratedRegex(@"(?<![\w.])(\+\d{8,15}|\d{10,15})(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();
}
