namespace VoiceBatch.Export;

/// <summary>
/// Neutralises text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c>, which Excel, LibreOffice and
/// Google Sheets show as text. Plain signed numbers (<c>+14155550101</c>, <c>-12.5</c>) are left alone: a number
/// literal cannot call a function, and an E.164 phone number must reach the file as it is.
/// </summary>
internal static class FormulaGuard
{
    public static bool NeedsEscape(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return false;
        return value[0] switch
        {
            '=' or '@' or '\t' or '\r' => true,
            '+' or '-' => !IsSignedNumber(value),
            _ => false,
        };
    }

    public static string Escape(string value) => NeedsEscape(value) ? string.Concat("'", value) : value;

    /// <summary>A sign, digits, and optionally a point and more digits; nothing else.</summary>
    private static bool IsSignedNumber(ReadOnlySpan<char> value)
    {
        var digits = value[1..];
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return !whole.IsEmpty && !whole.ContainsAnyExceptInRange('0', '9')
            && (point < 0 || (!fraction.IsEmpty && !fraction.ContainsAnyExceptInRange('0', '9')));
    }
}
