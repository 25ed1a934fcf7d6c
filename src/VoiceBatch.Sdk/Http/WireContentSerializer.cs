using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Http;

/// <summary>
/// Refit's System.Text.Json serializer over a vendor's source-generated context, with two rules added: a success answer
/// whose body is empty (or only white space) is not "no value" but an unreadable answer — it fails like any other
/// unreadable body, through Refit's deserialization-exception hook, into <see cref="VoiceBatchResponseException"/>; and
/// a UTF-8 body the pipeline already holds (<see cref="BufferedContent"/>) is bound from one exact copy of its bytes, with
/// no stream reader in between — each value's Raw is a slice of that copy (<see cref="CurrentBody"/>).
/// </summary>
internal sealed class WireContentSerializer(JsonSerializerContext context) : IHttpContentSerializer
{
    private readonly SystemTextJsonContentSerializer _inner = new(context.Options);

    public HttpContent ToHttpContent<T>(T item) => _inner.ToHttpContent(item);

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        if (content is not BufferedContent body) return _inner.FromHttpContentAsync<T>(content, cancellationToken);
        if (body.IsBlank) throw new JsonException("The body is empty.");
        if (!IsUtf8(content.Headers.ContentType?.CharSet)) return _inner.FromHttpContentAsync<T>(content, cancellationToken); // it transcodes
        var typeInfo = (JsonTypeInfo<T?>)context.Options.GetTypeInfo(typeof(T));
        return Task.FromResult(CurrentBody.Bind(body.JsonBytes(), bytes => JsonSerializer.Deserialize(bytes, typeInfo)));
    }

    private static bool IsUtf8(string? charset)
        => string.IsNullOrEmpty(charset) || charset.Trim('"', ' ') is var name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _inner.GetFieldNameForProperty(propertyInfo);
}
