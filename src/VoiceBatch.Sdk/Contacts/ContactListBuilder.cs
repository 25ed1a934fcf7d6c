using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using VoiceBatch.Internal;

namespace VoiceBatch.Contacts;

/// <summary>
/// Validates rows of a sheet into a <see cref="ContactList"/>: checks the header (trimmed, trailing empty columns
/// dropped, duplicates refused), finds the phone column, normalises numbers to E.164, refuses duplicates, skips
/// blank rows and records every bad row. Shared by every sheet reader and by <see cref="ContactList.FromRows"/>.
/// </summary>
/// <remarks>
/// A column whose header is empty is not a variable (it has no name to send); its cells are ignored.
/// Variable values are kept exactly as read (not trimmed).
/// </remarks>
internal sealed partial class ContactListBuilder
{
    /// <summary>Headers recognised as the phone column when none is configured (compared without case, spaces, '_' or '-').</summary>
    internal static readonly string[] PhoneColumnNames =
        ["phonenumber", "contactnumber", "phone", "mobile", "mobilenumber", "msisdn", "to", "tonumber", "number", "telephone", "cell"];

    private readonly ContactListOptions _options;
    private readonly int _phoneIndex;
    private readonly string[] _headers;
    private readonly List<Contact> _contacts = [];
    private readonly List<ContactRowError> _errors = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly int[] _variableColumns;
    private readonly VariableColumns _variables;

    public ContactListBuilder(IReadOnlyList<string?> headers, ContactListOptions options)
    {
        options.Validate();
        _options = options;
        var trimmed = headers.Select(h => (h ?? string.Empty).Trim()).ToList();
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        _headers = [.. trimmed];
        if (_headers.Length == 0)
        {
            throw new ContactValidationException("The contact sheet is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.");
        }

        RefuseDuplicateHeaders(_headers);
        _phoneIndex = FindPhoneColumn(_headers, options.PhoneColumn);
        _variableColumns = Enumerable.Range(0, _headers.Length).Where(i => i != _phoneIndex && _headers[i].Length > 0).ToArray();
        _variables = new VariableColumns([.. _variableColumns.Select(i => _headers[i])]);
    }

    /// <summary>Prepares for about <paramref name="rows"/> data rows (an estimate from the file's size), sparing re-allocations.</summary>
    public void ExpectRows(int rows)
    {
        rows = Math.Clamp(rows, 0, 1_000_000);
        _contacts.EnsureCapacity(rows);
        _seen.EnsureCapacity(rows);
    }

    /// <summary>How many columns the header has (trailing empty ones dropped); cells beyond it are ignored.</summary>
    public int ColumnCount => _headers.Length;

    public string PhoneHeader => _headers[_phoneIndex];

    /// <summary>The data rows added so far, blank rows not counted.</summary>
    public int RowCount { get; private set; }

    /// <summary>Adds one data row; a row whose cells are all blank is skipped.</summary>
    /// <param name="row">The row's number in the sheet (the header is row 1).</param>
    /// <param name="cells">The cells, in header order.</param>
    public void Add(int row, string?[] cells)
    {
        if (IsBlank(cells)) return;
        RowCount++;
        if (RowCount > _options.MaxRows)
        {
            throw new ContactValidationException($"The contact sheet has more than {_options.MaxRows:N0} contact rows (ContactListOptions.MaxRows). Split it into smaller batches.");
        }

        var raw = _phoneIndex < cells.Length ? cells[_phoneIndex]?.Trim() : null;
        if (string.IsNullOrEmpty(raw))
        {
            _errors.Add(new ContactRowError(row, PhoneHeader, "The phone number is empty.", raw));
            return;
        }

        if (!TryReadPhone(raw, out var e164, out var reason))
        {
            _errors.Add(new ContactRowError(row, PhoneHeader, reason, raw));
            return;
        }

        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, e164, out var seen);
        if (seen)
        {
            _errors.Add(new ContactRowError(row, PhoneHeader, $"Duplicate of row {first}: the same person would be called twice.", raw));
            return;
        }

        first = row;
        var values = new string[_variableColumns.Length];
        for (var v = 0; v < values.Length; v++)
        {
            var i = _variableColumns[v];
            values[v] = i < cells.Length ? cells[i] ?? string.Empty : string.Empty;
        }

        _contacts.Add(new Contact(row, e164, new ContactVariables(_variables, values)));
    }

    public ContactList Build()
    {
        if (RowCount == 0)
        {
            throw new ContactValidationException($"The contact sheet has a header but no contacts. Add at least one row with a number under '{PhoneHeader}'.");
        }

        return new ContactList(_contacts.AsReadOnly(), _errors.AsReadOnly(), _variables.Names.AsReadOnly());
    }

    internal static string Canonical(string header)
        => new string(header.Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-').ToArray()).ToLowerInvariant();

    private static bool IsBlank(string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i])) return false;
        }

        return true;
    }

    private bool TryReadPhone(string raw, out string e164, out string reason)
    {
        reason = string.Empty;
        var text = raw;
        var first = text[0];
        var scientific = first is >= '1' and <= '9' && text.AsSpan().IndexOfAny('e', 'E') > 0 ? Scientific().Match(text) : Match.Empty;
        if (scientific.Success)
        {
            // Excel writes long numbers as 1.41556E+10 in CSV exports; padding the mantissa with zeros would invent
            // digits and call the wrong person, so only an exact mantissa is expanded.
            var mantissa = scientific.Groups["int"].Value + scientific.Groups["frac"].Value;
            var exponent = int.Parse(scientific.Groups["exp"].Value, CultureInfo.InvariantCulture);
            if (exponent > 20 || mantissa.Length != exponent + 1)
            {
                e164 = string.Empty;
                reason = "The number is in scientific notation (like 1.41556E+10) and has lost digits. Format the column as Text in Excel, re-enter the numbers and save again.";
                return false;
            }

            text = mantissa;
        }
        else if (char.IsAsciiDigit(first) && text.Contains('.', StringComparison.Ordinal) && TrailingZeroDecimals().IsMatch(text))
        {
            text = text[..text.IndexOf('.', StringComparison.Ordinal)]; // 14155550101.0 from a float column
        }

        if (PhoneNumberNormalizer.TryNormalize(text, _options.DefaultRegion, out e164)) return true;

        var plain = PhoneNumberNormalizer.IsPlainDigits(text);
        var digitCount = text.Count(char.IsAsciiDigit);
        reason = _options.DefaultRegion is null && plain && digitCount < PhoneNumberNormalizer.MinDigitsWithoutPlus && !text.TrimStart().StartsWith('0')
            ? "The number has no country code. Write it with '+' and the country code (+1 for the US, +91 for India …) or set ContactListOptions.DefaultRegion."
            : _options.DefaultRegion is null
                ? "Not a valid phone number. Check the digits and write it with '+' and the country code, or set ContactListOptions.DefaultRegion."
                : $"Not a valid phone number for region {_options.DefaultRegion.Trim().ToUpperInvariant()} or with a country code. Check the digits.";
        return false;
    }

    private static void RefuseDuplicateHeaders(string[] headers)
    {
        var duplicates = headers
            .Select((h, i) => (Header: h, Column: i + 1))
            .Where(h => h.Header.Length > 0)
            .GroupBy(h => h.Header, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{Redactor.Scrub(g.First().Header, null)}' (columns {string.Join(", ", g.Select(h => h.Column))})")
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new ContactValidationException(
                $"The contact sheet has duplicate column names: {string.Join("; ", duplicates)}. Rename them so every column is unique (names are compared without case).");
        }
    }

    private static int FindPhoneColumn(string[] headers, string? configured)
    {
        if (configured is not null)
        {
            var index = Array.FindIndex(headers, h => string.Equals(h, configured.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) index = Array.FindIndex(headers, h => Canonical(h) == Canonical(configured));
            return index >= 0
                ? index
                : throw new ContactValidationException($"The contact sheet has no column '{configured}' (ContactListOptions.PhoneColumn). Its columns are: {Listed(headers)}.");
        }

        foreach (var name in PhoneColumnNames)
        {
            var index = Array.FindIndex(headers, h => Canonical(h) == name);
            if (index >= 0) return index;
        }

        if (headers.Any(h => PhoneNumberNormalizer.TryNormalize(h, null, out _)))
        {
            throw new ContactValidationException(
                "The first row holds a phone number, not column names. Add a header row above the contacts (e.g. 'phone_number', 'name').");
        }

        throw new ContactValidationException(
            $"The contact sheet has no phone column. Name one 'phone_number' (or phone, contact_number, mobile, msisdn), or set ContactListOptions.PhoneColumn. Its columns are: {Listed(headers)}.");
    }

    /// <summary>Headers for a message: anything that looks like a phone number masked, long lists cut.</summary>
    private static string Listed(string[] headers)
        => Redactor.Truncate(Redactor.Scrub(string.Join(", ", headers), null), 500);

    [GeneratedRegex(@"^(?<int>[1-9])(?:\.(?<frac>[0-9]+))?[eE]\+?(?<exp>[0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^[0-9]{6,}\.0+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZeroDecimals();
}
