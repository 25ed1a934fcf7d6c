using System.Net.Http.Headers;

namespace VoiceBatch.Http;

/// <summary>How a vendor expects its key: a header name and, for <c>Authorization</c>, an optional scheme.</summary>
/// <param name="Name">The header, e.g. <c>Authorization</c>, <c>x-api-key</c>, <c>xi-api-key</c>.</param>
/// <param name="Scheme">The scheme before the key (<c>Bearer</c>), or null to send the key as the whole value.</param>
internal sealed record ApiKeyHeader(string Name, string? Scheme = null)
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public static ApiKeyHeader Bearer { get; } = new("Authorization", "Bearer");

    /// <summary><c>x-api-key: &lt;key&gt;</c>.</summary>
    public static ApiKeyHeader XApiKey { get; } = new("x-api-key");
}

/// <summary>Puts the provider's key on every request in the vendor's header, for the send only: the header is taken off
/// the request again once the send is over, so no handler around this one (an app's, through a handler-builder filter)
/// can read the key from the request afterwards. The key is read per request, so rotated options apply without a restart.</summary>
internal sealed class AuthHandler(ApiKeyHeader header, Func<string> apiKey) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = apiKey();
        if (header.Scheme is { } scheme && string.Equals(header.Name, "Authorization", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);
        }
        else
        {
            request.Headers.Remove(header.Name);
            request.Headers.TryAddWithoutValidation(header.Name, header.Scheme is null ? key : $"{header.Scheme} {key}");
        }

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Remove(header.Name);
        }
    }
}
