namespace VoiceBatch;

/// <summary>
/// A validated set of contacts to call, read from a contact sheet (CSV, XLSX, XLS) or built from rows. Every
/// number is E.164; every bad row is in <see cref="Errors"/> with its spreadsheet row number and never in
/// <see cref="Contacts"/>.
/// </summary>
public sealed partial class ContactList
{
    internal ContactList(IReadOnlyList<Contact> contacts, IReadOnlyList<ContactRowError> errors, IReadOnlyList<string> variableNames)
    {
        Contacts = contacts;
        Errors = errors;
        VariableNames = variableNames;
    }

    /// <summary>The valid contacts, in sheet order.</summary>
    public IReadOnlyList<Contact> Contacts { get; }

    /// <summary>Every row that cannot be called, with the reason.</summary>
    public IReadOnlyList<ContactRowError> Errors { get; }

    /// <summary>The variable columns, in sheet order (every column but the phone column).</summary>
    public IReadOnlyList<string> VariableNames { get; }
}
