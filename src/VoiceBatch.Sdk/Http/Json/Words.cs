using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceBatch.Http.Json;

/// <summary>
/// Short strings that repeat on every record of a page — variable names (<c>account_id</c>), status words
/// (<c>completed</c>) — made once per thread instead of once per record. A small direct-mapped table keyed by the
/// UTF-8 bytes: a hit returns the string already made, a miss makes it and takes the slot. Only unescaped values of at
/// most <see cref="MaxBytes"/> bytes are cached; anything else is an ordinary <see cref="Utf8JsonReader.GetString"/>.
/// </summary>
internal static class Words
{
    /// <summary>The longest value cached, in UTF-8 bytes.</summary>
    public const int MaxBytes = 32;

    private const int Slots = 128;

    [ThreadStatic]
    private static Entry[]? t_table;

    /// <summary>The current string token (or property name) as a string, from the cache when it repeats.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxBytes) return reader.GetString()!;
        var bytes = reader.ValueSpan;
        var table = t_table ??= new Entry[Slots];
        ref var entry = ref table[Slot(bytes)];
        if (entry.Text is { } cached && bytes.SequenceEqual(entry.Utf8)) return cached;
        var text = Encoding.UTF8.GetString(bytes);
        entry = new Entry(bytes.ToArray(), text);
        return text;
    }

    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        var hash = (uint)bytes.Length * 31;
        foreach (var b in bytes) hash = (hash * 31) + b;
        return (int)(hash % Slots);
    }

    private readonly record struct Entry(byte[] Utf8, string Text);
}

/// <summary>
/// A status word or other short repeated string: read like <see cref="LenientStringConverter"/> (a number or boolean as
/// its JSON text; blank, null, an object or an array → null), made once per thread through <see cref="Words"/>.
/// Put it on a wire DTO's status members.
/// </summary>
internal sealed class WordConverter : JsonConverter<string?>
{
    private static readonly LenientStringConverter Text = new();

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LenientJson.ReadScalarText(ref reader, word: true);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => Text.Write(writer, value, options);
}
