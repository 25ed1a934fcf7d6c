using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;
using VoiceBatch.Http.Json;

namespace VoiceBatch.Http;

/// <summary>
/// Refit's System.Text.Json serializer over a vendor's source-generated context, with one rule added: a success answer
/// whose body is empty (or only white space) is not "no value" but an unreadable answer — it fails like any other
/// unreadable body, through Refit's deserialization-exception hook, into <see cref="VoiceBatchResponseException"/>. A body
/// the pipeline has buffered (every answer of a built-in vendor) is bound straight from its bytes.
/// </summary>
internal sealed class WireContentSerializer(JsonSerializerContext context) : IHttpContentSerializer
{
    private readonly SystemTextJsonContentSerializer _inner = new(context.Options);

    public HttpContent ToHttpContent<T>(T item) => _inner.ToHttpContent(item);

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        if (content is not BufferedContent body) return _inner.FromHttpContentAsync<T>(content, cancellationToken);

        // The pipeline already holds the whole body: bind it straight from one exact copy of its bytes (each value's
        // Raw is a slice of that copy; the pooled buffer goes back when the response is disposed).
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty) throw new JsonException("The body is empty.");
        var typeInfo = (JsonTypeInfo<T?>)context.Options.GetTypeInfo(typeof(T));
        return Task.FromResult(CurrentBody.Bind(body.Span.ToArray(), bytes => JsonSerializer.Deserialize(bytes, typeInfo)));
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _inner.GetFieldNameForProperty(propertyInfo);
}
