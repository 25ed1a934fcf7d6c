using System.Text.RegularExpressions;

namespace VoiceBatch.Http;

/// <summary>
/// The ONE scrubber for text that may reach a message, a <see cref="Exception.Data"/> entry, a snippet or a log
/// line. Each provider has one that always knows its configured key (read per call, so a rotated key is scrubbed
/// too): the key in any spelling a vendor may echo it (as is, URL-encoded), any credential-looking header, query or
/// JSON field (<c>Authorization: …</c>, <c>x-api-key: …</c>, <c>api_key=…</c>, <c>"token": "…"</c>), bearer tokens,
/// and phone numbers (masked, e.g. <c>+1415•••0101</c>).
/// </summary>
internal sealed partial class Scrubber(Func<string?> key)
{
    /// <summary>A scrubber that knows no key (patterns and phone numbers only).</summary>
    public static Scrubber Anonymous { get; } = new(() => null);

    /// <summary>Text safe to show: the key, credentials and phone numbers removed.</summary>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (key() is { Length: >= 4 } secret)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (!string.Equals(escaped, secret, StringComparison.Ordinal)) text = text.Replace(escaped, "***", StringComparison.OrdinalIgnoreCase);
        }

        text = BearerToken().Replace(text, "${scheme} ***");
        text = CredentialField().Replace(text, "${name}${sep}${quote}***");
        return PhoneLike().Replace(text, m => Contacts.PhoneNumberNormalizer.Mask(m.Value));
    }

    /// <summary><see cref="Scrub(string?)"/>, then cut to <paramref name="max"/> characters (with an ellipsis).</summary>
    public string Scrub(string? text, int max) => Truncate(Scrub(text), max);

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    [GeneratedRegex(@"(?<scheme>Bearer|Basic|Token)\s+[A-Za-z0-9\-._~+/=:]{4,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    // A credential-looking name, then ':' or '=' (a header dump, a query string, a JSON member), then the value.
    [GeneratedRegex(
        @"(?<name>\b(?:authorization|x-api-key|xi-api-key|api[-_]?key|apikey|access[-_]?token|auth[-_]?token|token|secret|password)""?)(?<sep>\s*[:=]\s*)(?<quote>""?)(?!\*\*\*)[^\s"",;&}]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CredentialField();

    // A '+' and 8-15 digits, or 10-15 bare digits: long enough to be a phone number, not a count or a year.
    [GeneratedRegex(@"(?<![\w.])(\+\d{8,15}|\d{10,15})(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();
}
