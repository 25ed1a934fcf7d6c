using System.Text;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// An uploaded CSV file read as RFC 4180 (quoted cells, doubled quotes, CRLF or LF, a UTF-8 BOM) — written here on
/// purpose rather than borrowed from the SDK, so a quoting bug in the SDK's CSV writer shows up as a wrong contact.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    /// <summary>The header row's cells, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Every data row (blank lines skipped); a row may be shorter or longer than the header.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Reads <paramref name="text"/>; an empty text is a table without headers.</summary>
    public static CsvTable Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var cellStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !cellStarted:
                    quoted = true;
                    cellStarted = true;
                    break;
                case ',':
                    record.Add(cell.ToString());
                    cell.Clear();
                    cellStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(cell.ToString());
                    cell.Clear();
                    cellStarted = false;
                    records.Add(record);
                    record = [];
                    break;
                default:
                    cell.Append(c);
                    cellStarted = true;
                    break;
            }
        }

        if (cellStarted || cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        records.RemoveAll(r => r.All(string.IsNullOrWhiteSpace));
        if (records.Count == 0) return new CsvTable([], []);
        return new CsvTable(records[0].Select(h => h.Trim()).ToList(), records.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList());
    }

    /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
    /// <param name="name">The header to find.</param>
    /// <param name="comparison">How headers compare (DialNexa: "Column names are case-sensitive").</param>
    public int IndexOf(string name, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i], name, comparison)) return i;
        }

        return -1;
    }

    /// <summary>Every row as a contact: the cell of <paramref name="phoneColumn"/> and every other column as a variable.</summary>
    public IReadOnlyList<SimulatedContact> Contacts(int phoneColumn)
        => Rows.Select(row =>
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Headers.Count; i++)
            {
                if (i != phoneColumn && Headers[i].Length > 0) variables[Headers[i]] = i < row.Count ? row[i] : string.Empty;
            }

            return new SimulatedContact(phoneColumn < row.Count ? row[phoneColumn].Trim() : string.Empty, variables);
        }).ToList();
}
