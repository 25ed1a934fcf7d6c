using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceBatch.Http;

/// <summary>
/// The ONE scrubber for text that may reach a message, a <see cref="Exception.Data"/> entry, a snippet or a log
/// line. Each provider has one that always knows its configured key (read per call, so a rotated key is scrubbed
/// too): the key in any spelling a vendor may echo it (as is, URL- or form-encoded, JSON-escaped the way System.Text.Json,
/// relaxed encoders or PHP write it), any credential-looking header, query or JSON field (<c>Authorization: …</c>,
/// <c>x-api-key: …</c>, <c>api_key=…</c>, <c>"token": "…"</c>), bearer tokens, and phone numbers — also written
/// <c>%2B…</c> or <c>\u002B…</c> — masked (<c>+1415***0101</c>). Text parsed out of a scrubbed body (a JSON message) is
/// scrubbed again, since unescaping can rebuild what the raw text only held escaped.
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
            foreach (var spelling in Spellings(secret)) text = text.Replace(spelling, "***", StringComparison.OrdinalIgnoreCase);
        }

        text = BearerToken().Replace(text, "${scheme} ***");
        text = CredentialField().Replace(text, "${name}${sep}${quote}***");
        return PhoneLike().Replace(text, m => Contacts.PhoneNumberNormalizer.Mask((m.Groups["plus"].Success ? "+" : string.Empty) + m.Groups["digits"].Value));
    }

    /// <summary>Every way the key may be written back: as is first, then each encoding that changes it (longest first, so
    /// a form is replaced whole before a shorter one could match inside it).</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        string[] forms =
        [
            secret,
            Uri.EscapeDataString(secret),
            WebUtility.UrlEncode(secret),
            JsonEncodedText.Encode(secret).Value,
            JsonEncodedText.Encode(secret).Value.Replace("/", "\\/", StringComparison.Ordinal),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value.Replace("/", "\\/", StringComparison.Ordinal),
        ];
        return forms.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length);
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

    // A '+' (also URL-encoded %2B or JSON-escaped \u002B) and 8-15 digits, or 10-15 bare digits: long enough to be a
    // phone number, not a count or a year.
    // Bare digits may follow another escape (phone%3D1415…, \u003D1415…).
    [GeneratedRegex(
        @"(?:(?<![\w.])(?<plus>\+|%2[Bb]|\\u002[Bb])(?<digits>\d{8,15})|(?:(?<![\w.])|(?<=%[0-9A-Fa-f]{2}|\\u00[0-9A-Fa-f]{2}))(?<digits>\d{10,15}))(?![\w.])",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();
}
