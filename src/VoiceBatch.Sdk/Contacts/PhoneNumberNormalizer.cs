using PhoneNumbers;

namespace VoiceBatch.Contacts;

/// <summary>
/// The one place phone numbers are parsed and written as E.164 (libphonenumber; its singleton util is reused,
/// never re-created per number). Used by contact sheets and by adapters reading vendor numbers.
/// </summary>
/// <remarks>
/// How a number is read, in order:
/// <list type="number">
/// <item>With a leading <c>+</c> (or <c>tel:+…</c>): as international, whatever the region.</item>
/// <item>With a default region: as that region writes it (national forms such as <c>(415) 555-0101</c> or
/// <c>09876543210</c>, and the region's own international prefix).</item>
/// <item>Otherwise, when the text is only digits and separators: <c>00</c> followed by digits is read as the
/// international prefix (<c>0044…</c> → <c>+44…</c>); 11 or more digits are read as an international number whose
/// <c>+</c> was dropped (<c>14155550101</c> → <c>+14155550101</c>, a typical number cell in a spreadsheet).
/// Fewer than 11 digits are never guessed: a 10-digit national number such as <c>4155550101</c> can also be a
/// valid number of another country (+41, +20 …), and calling the wrong person is worse than refusing the row —
/// such numbers need a <c>+</c> or <see cref="ContactListOptions.DefaultRegion"/>.</item>
/// </list>
/// Only numbers libphonenumber considers valid (possible length AND an assigned range) are accepted.
/// </remarks>
internal static class PhoneNumberNormalizer
{
    /// <summary>The fewest digits read as an international number written without its <c>+</c>.</summary>
    internal const int MinDigitsWithoutPlus = 11;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses <paramref name="text"/> to E.164; false when it is not a valid number.</summary>
    public static bool TryNormalize(string? text, string? defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = text.Trim();
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? null : defaultRegion.Trim().ToUpperInvariant();

        if (candidate.StartsWith('+')) return TryParse(candidate, "ZZ", out e164);
        if (region is not null && TryParse(candidate, region, out e164)) return true;

        var digits = DigitsIfPlain(candidate);
        if (digits is not null)
        {
            if (digits.StartsWith("00", StringComparison.Ordinal) && digits.Length >= 10)
            {
                return TryParse("+" + digits[2..], "ZZ", out e164);
            }

            return digits.Length >= MinDigitsWithoutPlus && TryParse("+" + digits, "ZZ", out e164);
        }

        // Anything else (tel: URIs, extensions, letters) is left to libphonenumber.
        return region is null && TryParse(candidate, "ZZ", out e164);
    }

    /// <summary>True when <paramref name="text"/> is written as an international number (a <c>+</c> and the country code)
    /// that is valid: what a vendor's caller-ID setting must be.</summary>
    public static bool IsInternational(string? text)
        => text is not null && text.Trim() is var trimmed && trimmed.StartsWith('+') && TryNormalize(trimmed, null, out _);

    /// <summary>E.164 when <paramref name="text"/> parses, else the text as given (trimmed); null for blank.</summary>
    public static string? NormalizeOrKeep(string? text, string? defaultRegion = null)
        => string.IsNullOrWhiteSpace(text) ? null : TryNormalize(text, defaultRegion, out var e164) ? e164 : text.Trim();

    /// <summary>Masks a number for logs and messages: keeps the first 5 and last 4 characters (<c>+1415***0101</c>).</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number)) return string.Empty;
        return number.Length <= 6 ? new string('*', number.Length) : string.Concat(number.AsSpan(0, Math.Min(5, number.Length - 4)), "***", number.AsSpan(number.Length - 4));
    }

    /// <summary>True when libphonenumber knows <paramref name="region"/> (an ISO 3166 two-letter code, any case).</summary>
    public static bool IsSupportedRegion(string region)
        => Util.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    /// <summary>True when the text holds only digits and the usual separators; false for letters, '+' or nothing.</summary>
    public static bool IsPlainDigits(string text) => DigitsIfPlain(text.Trim()) is not null;

    /// <summary>The digits of <paramref name="text"/> when it holds only digits and separators (space, - ( ) . /), else null.</summary>
    private static string? DigitsIfPlain(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) count++;
            else if (!char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')' and not '.' and not '/') return null;
        }

        if (count == 0) return null;
        if (count == text.Length) return text; // digits only (a vendor's usual form): no copy
        return string.Create(count, text, static (digits, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c)) digits[at++] = c;
            }
        });
    }

    private static bool TryParse(string text, string region, out string e164)
    {
        // Already "+digits" (most sheets, every vendor): libphonenumber's own answer without parsing (see E164FastPath).
        if (region == "ZZ" && E164FastPath.TryNormalize(text, out e164) is { } known) return known;

        e164 = string.Empty;
        try
        {
            var number = Util.Parse(text, region);
            if (!Util.IsPossibleNumber(number) || !Util.IsValidNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
