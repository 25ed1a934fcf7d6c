using PhoneNumbers;

namespace VoiceBatch.Contacts;

/// <summary>
/// The one place phone numbers are parsed and written as E.164 (libphonenumber; its singleton util is reused,
/// never re-created per number). Used by contact sheets and by adapters reading vendor numbers.
/// </summary>
internal static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses <paramref name="text"/> to E.164; false when it is not a possible number.</summary>
    public static bool TryNormalize(string? text, string? defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = text.Trim();
        try
        {
            var region = string.IsNullOrWhiteSpace(defaultRegion) ? null : defaultRegion.Trim().ToUpperInvariant();
            if (region is null && !candidate.StartsWith('+') && !candidate.StartsWith("00", StringComparison.Ordinal))
            {
                // Vendors often send international numbers without the '+': try it as international first.
                var digits = new string(candidate.Where(char.IsAsciiDigit).ToArray());
                if (digits.Length >= 8 && digits.Length == candidate.Count(c => !char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')' and not '.'))
                {
                    candidate = "+" + digits;
                }
            }

            var number = Util.Parse(candidate, region ?? "ZZ");
            if (!Util.IsPossibleNumber(number) || !Util.IsValidNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>E.164 when <paramref name="text"/> parses, else the text as given (trimmed); null for blank.</summary>
    public static string? NormalizeOrKeep(string? text, string? defaultRegion = null)
        => string.IsNullOrWhiteSpace(text) ? null : TryNormalize(text, defaultRegion, out var e164) ? e164 : text.Trim();

    /// <summary>Masks a number for logs and messages: keeps the first 5 and last 4 characters (<c>+1415***0101</c>).</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number)) return string.Empty;
        return number.Length <= 6 ? new string('*', number.Length) : string.Concat(number.AsSpan(0, Math.Min(5, number.Length - 4)), "***", number.AsSpan(number.Length - 4));
    }
}
