using VoiceBatch.Contacts;

namespace VoiceBatch;

public sealed partial class ContactList
{
    /// <summary>
    /// Builds a contact list from rows already in memory (e.g. from a database). Row numbers count as if the rows
    /// were a sheet under a header: the first row is row 2. The columns are every key met, in order of first
    /// appearance; a row lacking a key has an empty value there; a row whose values are all blank is skipped.
    /// Numbers are validated exactly as <see cref="LoadAsync(string, ContactListOptions?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="rows">One dictionary per contact: column → value. One column holds the phone number.</param>
    /// <param name="options">How to find and read the phone column.</param>
    /// <returns>The validated list.</returns>
    /// <exception cref="ContactValidationException">No rows, no phone column, keys that differ only by case, or more rows than <see cref="ContactListOptions.MaxRows"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (e.g. an unknown region).</exception>
    public static ContactList FromRows(IEnumerable<IReadOnlyDictionary<string, string>> rows, ContactListOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new ContactListOptions();
        var materialised = rows.ToList();
        var headers = new List<string>();
        foreach (var row in materialised)
        {
            foreach (var key in row.Keys)
            {
                if (!headers.Contains(key, StringComparer.Ordinal)) headers.Add(key);
            }
        }

        var builder = new ContactListBuilder(headers, options);
        var rowNumber = 1;
        foreach (var row in materialised)
        {
            rowNumber++;
            builder.Add(rowNumber, headers.Select(h => row.TryGetValue(h, out var v) ? v : string.Empty).ToArray());
        }

        return builder.Build();
    }
}
