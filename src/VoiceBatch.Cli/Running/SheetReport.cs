namespace VoiceBatch.Cli.Running;

/// <summary>
/// What <c>validate</c> tells about a loaded contact sheet beyond what <see cref="ContactList"/> holds directly: the
/// phone column the SDK chose and how many refused rows are duplicates. Both come from the SDK's public, documented
/// behaviour — the phone column is the only column that is not a variable, and a duplicate is a refused row whose
/// number is a valid contact's number — never from the wording of its messages.
/// </summary>
internal sealed record SheetReport(ContactList Contacts, string? PhoneColumn, int Duplicates)
{
    public int Rows => Contacts.Contacts.Count + Contacts.Errors.Count;

    public static async Task<SheetReport> LoadAsync(string path, ContactListOptions options, CancellationToken cancellationToken)
    {
        var contacts = await ContactList.LoadAsync(path, options, cancellationToken);
        var phoneColumn = contacts.Errors.Select(e => e.Column).FirstOrDefault(c => c is not null)
                          ?? await PhoneColumnAsync(path, options, contacts.VariableNames, cancellationToken)
                          ?? options.PhoneColumn;
        return new SheetReport(contacts, phoneColumn, CountDuplicates(contacts, options));
    }

    /// <summary>
    /// The phone column is the one header that is not among <paramref name="variables"/>. Read once more with the first
    /// variable column as the phone column, the sheet lists every other column as a variable — the phone column
    /// among them. Null for a sheet with no other column (nothing to tell it by).
    /// </summary>
    private static async Task<string?> PhoneColumnAsync(string path, ContactListOptions options, IReadOnlyList<string> variables, CancellationToken cancellationToken)
    {
        if (variables.Count == 0) return null;
        var probe = await ContactList.LoadAsync(path, new ContactListOptions
        {
            DefaultRegion = options.DefaultRegion,
            PhoneColumn = variables[0],
            SheetName = options.SheetName,
            MaxBytes = options.MaxBytes,
            MaxUncompressedBytes = options.MaxUncompressedBytes,
        }, cancellationToken);
        return probe.VariableNames.FirstOrDefault(name => !variables.Contains(name, StringComparer.Ordinal));
    }

    private static int CountDuplicates(ContactList contacts, ContactListOptions options)
    {
        var numbers = contacts.Contacts.Select(c => c.PhoneNumber).ToHashSet(StringComparer.Ordinal);
        return contacts.Errors.Count(error => error.Value is { Length: > 0 } value
                                              && ContactList.FromRows([new Dictionary<string, string> { ["phone_number"] = value }], new ContactListOptions { DefaultRegion = options.DefaultRegion })
                                                  .Contacts is [var contact]
                                              && numbers.Contains(contact.PhoneNumber));
    }
}
