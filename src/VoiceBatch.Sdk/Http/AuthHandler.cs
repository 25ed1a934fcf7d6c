using System.Net.Http.Headers;

namespace VoiceBatch.Http;

/// <summary>Puts the provider's API key on every request, in the vendor's scheme. The key is read per request, so
/// rotated options apply without a restart.</summary>
internal sealed class AuthHandler(AuthScheme scheme, Func<string> apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = apiKey();
        switch (scheme)
        {
            case AuthScheme.ApiKeyHeader:
                request.Headers.Remove("x-api-key");
                request.Headers.TryAddWithoutValidation("x-api-key", key);
                break;
            default:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                break;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
