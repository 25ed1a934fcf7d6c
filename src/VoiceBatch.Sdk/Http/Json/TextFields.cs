using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VoiceBatch.Http.Json;

/// <summary>
/// A call's few variables as one array of name/value pairs, in the order the vendor sent them (names compared
/// ordinally). A record usually carries a handful, where a <see cref="Dictionary{TKey,TValue}"/> costs several objects
/// per call; lookups scan, which for a handful is as fast as hashing.
/// </summary>
internal sealed class TextFields : IReadOnlyDictionary<string, string>
{
    private readonly string[] _pairs;
    private readonly int _count;

    private TextFields(string[] pairs, int count) => (_pairs, _count) = (pairs, count);

    public int Count => _count;

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The call has no variable '{key}'.");

    public bool ContainsKey(string key) => IndexOf(_pairs, _count, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(_pairs, _count, key);
        value = at >= 0 ? _pairs[2 * at + 1] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++) yield return KeyValuePair.Create(_pairs[2 * i], _pairs[2 * i + 1]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(string[] pairs, int count, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(pairs[2 * i], key, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    /// <summary>Collects name/value pairs; a repeated name keeps its first place and takes the later value (as JSON readers do).</summary>
    internal struct Builder
    {
        private string[]? _pairs;
        private int _count;

        /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> (the later value wins).</summary>
        public void Set(string name, string value)
        {
            var at = _pairs is null ? -1 : IndexOf(_pairs, _count, name);
            if (at >= 0) _pairs![2 * at + 1] = value;
            else Append(name, value);
        }

        /// <summary>Adds <paramref name="name"/> unless it is already there (the earlier value wins).</summary>
        public void TryAdd(string name, string value)
        {
            if (_pairs is null || IndexOf(_pairs, _count, name) < 0) Append(name, value);
        }

        /// <summary>The variables collected (the shared empty map when there are none).</summary>
        public readonly IReadOnlyDictionary<string, string> Build() => _count == 0 ? CallRecord.EmptyVariables : new TextFields(_pairs!, _count);

        private void Append(string name, string value)
        {
            _pairs ??= new string[8];
            if (2 * _count == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
            _pairs[2 * _count] = name;
            _pairs[2 * _count + 1] = value;
            _count++;
        }
    }
}
