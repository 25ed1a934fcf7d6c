using System.Text.Json;

namespace VoiceBatch.Http.Json;

/// <summary>
/// A vendor value's own JSON, kept as its UTF-8 bytes (a slice of the answer's one copy) and turned into a
/// <see cref="JsonElement"/> only when someone reads <see cref="BatchCall.Raw"/> or <see cref="CallRecord.Raw"/>. A page
/// of calls is thus copied once and never parsed twice; reading Raw costs what it is used for.
/// </summary>
internal sealed class RawJson
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private JsonElement? _element;

    private RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    private RawJson(JsonElement element) => _element = element;

    /// <summary>The value as a standalone element (parsed on first use; the same element afterwards).</summary>
    public JsonElement Element => _element ??= Parse(_utf8.Span);

    /// <summary>The value's bytes, as sent.</summary>
    public static RawJson FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>An element that is already parsed.</summary>
    public static RawJson FromElement(JsonElement element) => new(element);

    /// <summary>An element that is already parsed, or null for none.</summary>
    public static RawJson? Of(JsonElement? element) => element is { } e ? new(e) : null;

    private static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        // The same reader options the vendors' contexts bind with: a value with comments or a trailing comma that bound
        // must also parse here (Bland publishes JSONC examples).
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }
}

/// <summary>
/// The body being bound on this thread, when it is a whole answer the SDK owns (see <see cref="WireContentSerializer"/>):
/// <see cref="WireConverter{T}"/> then keeps each value's Raw as a slice of it instead of copying the value.
/// </summary>
internal static class CurrentBody
{
    [ThreadStatic]
    private static byte[]? t_body;

    public static byte[]? Bytes => t_body;

    /// <summary>Binds <paramref name="body"/> (the exact bytes the reader reads) while <paramref name="bind"/> runs.</summary>
    public static T Bind<T>(byte[] body, Func<byte[], T> bind)
    {
        var previous = t_body;
        t_body = body;
        try
        {
            return bind(body);
        }
        finally
        {
            t_body = previous;
        }
    }
}
