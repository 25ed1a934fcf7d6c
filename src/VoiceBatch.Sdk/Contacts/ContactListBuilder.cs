namespace VoiceBatch.Contacts;

/// <summary>
/// Validates rows of a sheet into a <see cref="ContactList"/>: finds the phone column, normalises numbers to E.164,
/// refuses duplicates, and records every bad row. Shared by every sheet reader.
/// </summary>
internal sealed class ContactListBuilder
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

    public ContactListBuilder(IReadOnlyList<string> headers, ContactListOptions options)
    {
        _options = options;
        _headers = headers.Select(h => (h ?? string.Empty).Trim()).ToArray();
        if (_headers.Length == 0)
        {
            throw new ContactValidationException("The contact sheet is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.");
        }

        _phoneIndex = FindPhoneColumn(_headers, options.PhoneColumn);
    }

    public string PhoneHeader => _headers[_phoneIndex];

    public int RowCount { get; private set; }

    public void Add(int row, IReadOnlyList<string?> cells)
    {
        RowCount++;
        if (RowCount > _options.MaxRows)
        {
            throw new ContactValidationException($"The contact sheet has more than {_options.MaxRows} rows (ContactListOptions.MaxRows). Split it into smaller batches.");
        }

        var raw = _phoneIndex < cells.Count ? cells[_phoneIndex]?.Trim() : null;
        if (string.IsNullOrEmpty(raw))
        {
            _errors.Add(new ContactRowError(row, PhoneHeader, "The phone number is empty.", raw));
            return;
        }

        if (!PhoneNumberNormalizer.TryNormalize(raw, _options.DefaultRegion, out var e164))
        {
            var hint = _options.DefaultRegion is null ? " Include the country code (e.g. +1...) or set ContactListOptions.DefaultRegion." : string.Empty;
            _errors.Add(new ContactRowError(row, PhoneHeader, "Not a valid phone number." + hint, raw));
            return;
        }

        if (_seen.TryGetValue(e164, out var first))
        {
            _errors.Add(new ContactRowError(row, PhoneHeader, $"Duplicate of row {first}: the same person would be called twice.", raw));
            return;
        }

        _seen[e164] = row;
        var variables = new Dictionary<string, string>(_headers.Length - 1, StringComparer.Ordinal);
        for (var i = 0; i < _headers.Length; i++)
        {
            if (i == _phoneIndex || _headers[i].Length == 0) continue;
            variables[_headers[i]] = i < cells.Count ? cells[i] ?? string.Empty : string.Empty;
        }

        _contacts.Add(new Contact(row, e164, variables.AsReadOnly()));
    }

    public ContactList Build()
    {
        if (RowCount == 0)
        {
            throw new ContactValidationException($"The contact sheet has a header but no contacts. Add at least one row under '{PhoneHeader}'.");
        }

        var variableNames = _headers.Where((h, i) => i != _phoneIndex && h.Length > 0).ToArray();
        return new ContactList(_contacts.AsReadOnly(), _errors.AsReadOnly(), variableNames);
    }

    internal static string Canonical(string header)
        => new string(header.Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-').ToArray()).ToLowerInvariant();

    private static int FindPhoneColumn(string[] headers, string? configured)
    {
        if (configured is not null)
        {
            var index = Array.FindIndex(headers, h => string.Equals(h, configured.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) index = Array.FindIndex(headers, h => Canonical(h) == Canonical(configured));
            return index >= 0
                ? index
                : throw new ContactValidationException($"The contact sheet has no column '{configured}' (ContactListOptions.PhoneColumn). Its columns are: {string.Join(", ", headers)}.");
        }

        foreach (var name in PhoneColumnNames)
        {
            var index = Array.FindIndex(headers, h => Canonical(h) == name);
            if (index >= 0) return index;
        }

        throw new ContactValidationException(
            $"The contact sheet has no phone column. Name one 'phone_number' (or phone, contact_number, mobile, msisdn), or set ContactListOptions.PhoneColumn. Its columns are: {string.Join(", ", headers)}.");
    }
}
