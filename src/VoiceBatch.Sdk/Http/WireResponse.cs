using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VoiceBatch.Internal;

namespace VoiceBatch.Http;

/// <summary>A vendor body read as a wire DTO, plus the vendor's own JSON (for <see cref="BatchCall.Raw"/>).</summary>
internal readonly record struct Wire<T>(T Value, JsonElement Raw);

/// <summary>
/// The one way adapters read a successful vendor body: size-capped, parsed once, kept whole as <c>Raw</c>, then
/// bound to a DTO through the source-generated context. Empty, non-JSON (e.g. an HTML page) or wrongly shaped
/// bodies become <see cref="VoiceBatchResponseException"/> carrying the status and the body's first kilobyte.
/// </summary>
internal static class WireResponse
{
    /// <summary>Bodies above this are refused: a misbehaving vendor must not take the application down.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public static async Task<Wire<T>> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, ProviderId provider, CancellationToken cancellationToken)
    {
        using (response)
        {
            var raw = await ReadJsonAsync(response, provider, cancellationToken).ConfigureAwait(false);
            return new Wire<T>(Bind(raw, typeInfo, provider, (int)response.StatusCode, ErrorTranslationHandler.RequestIdOf(response)), raw);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, ProviderId provider, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var requestId = ErrorTranslationHandler.RequestIdOf(response);
        if (response.Content.Headers.ContentLength is > MaxBodyBytes)
        {
            throw new VoiceBatchResponseException($"'{provider}' sent a body of {response.Content.Headers.ContentLength} bytes, above the {MaxBodyBytes}-byte limit.", null, provider, status, requestId);
        }

        var bytes = await ReadCappedBytesAsync(response.Content, provider, status, requestId, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new VoiceBatchResponseException($"'{provider}' answered HTTP {status} with an empty body where JSON was expected.", string.Empty, provider, status, requestId);
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new VoiceBatchResponseException($"'{provider}' answered HTTP {status} with a body that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).", Snippet(bytes), provider, status, requestId, ex);
        }
    }

    public static T Bind<T>(JsonElement raw, JsonTypeInfo<T> typeInfo, ProviderId provider, int? status = null, string? requestId = null)
    {
        try
        {
            return raw.Deserialize(typeInfo) ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new VoiceBatchResponseException($"'{provider}' sent JSON of an unexpected shape for {typeof(T).Name}: {ex.Message}", Snippet(raw.GetRawText()), provider, status, requestId, ex);
        }
    }

    private static async Task<byte[]> ReadCappedBytesAsync(HttpContent content, ProviderId provider, int status, string? requestId, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw new VoiceBatchResponseException($"'{provider}' sent a body above the {MaxBodyBytes}-byte limit.", null, provider, status, requestId);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The first kilobyte of a body for <see cref="VoiceBatchResponseException.BodySnippet"/>, scrubbed of the key and phone numbers.</summary>
    public static string Snippet(JsonElement raw, string? secret = null) => Snippet(raw.GetRawText(), secret);

    private static string Snippet(byte[] bytes) => Snippet(System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)));

    private static string Snippet(string text, string? secret = null) => Redactor.Scrub(text.Length > 1024 ? text[..1024] : text, secret);
}
