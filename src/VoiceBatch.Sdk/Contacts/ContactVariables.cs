using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VoiceBatch.Contacts;

/// <summary>The variable columns of one sheet: their names in order and a name → position index, shared by every row.</summary>
internal sealed class VariableColumns
{
    public VariableColumns(string[] names)
    {
        Names = names;
        Index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) Index.TryAdd(names[i], i);
    }

    public string[] Names { get; }

    public Dictionary<string, int> Index { get; }
}

/// <summary>
/// One contact's variables: a read-only dictionary over the sheet's shared <see cref="VariableColumns"/> and the
/// row's values, in column order. A sheet of 200,000 rows holds one index, not 200,000 hash tables.
/// </summary>
internal sealed class ContactVariables(VariableColumns columns, string[] values) : IReadOnlyDictionary<string, string>
{
    /// <summary>The sheet's columns, shared by every row read from it.</summary>
    public VariableColumns Columns => columns;

    public int Count => values.Length;

    /// <summary>The value of column <paramref name="position"/> of <see cref="Columns"/>.</summary>
    public string ValueAt(int position) => values[position];

    public IEnumerable<string> Keys => columns.Names;

    public IEnumerable<string> Values => values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The contact has no variable '{key}'.");

    public bool ContainsKey(string key) => columns.Index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (columns.Index.TryGetValue(key, out var index))
        {
            value = values[index];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++) yield return new KeyValuePair<string, string>(columns.Names[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
