using Polly.Timeout;

namespace VoiceBatch.Http;

/// <summary>
/// The outermost handler of every provider's pipeline, so it sees the final outcome after retries: a non-success
/// answer becomes the exception the shared table (<see cref="ErrorMap"/>) gives, and every transport failure — a
/// timeout (Polly's or the socket's), a refused or reset connection, a body cut off mid-way — becomes a
/// <see cref="VoiceBatchException"/> with the cause inside. Only the caller's own cancellation passes as
/// <see cref="OperationCanceledException"/>. Nothing raw leaves the SDK's pipeline.
/// </summary>
internal sealed class ErrorTranslationHandler(ProviderContext provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (VoiceBatchException)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException or TimeoutException)
        {
            throw new VoiceBatchException($"The request to '{provider.Id}' timed out ({request.Method} {PathOf(request)}).", provider.Id, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new VoiceBatchException(
                $"Could not reach '{provider.Id}' ({request.Method} {PathOf(request)}): {provider.Scrubber.Scrub(ex.Message, 300)}", provider.Id, innerException: ex);
        }

        if (response.IsSuccessStatusCode) return response;

        using (response)
        {
            var text = response.Content is BufferedContent body ? body.Text(ErrorBodyChars) : string.Empty;
            throw ErrorMap.FromResponse(provider.Id, provider.Scrubber, response, text, RouteTraits.Of(request));
        }
    }

    /// <summary>How much of an error body is read into a message or <see cref="Exception.Data"/>.</summary>
    internal const int ErrorBodyChars = 64 * 1024;

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";
}
