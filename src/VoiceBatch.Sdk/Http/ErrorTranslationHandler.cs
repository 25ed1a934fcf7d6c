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
        catch (BodyCutOffException ex)
        {
            throw new VoiceBatchException(
                $"'{provider.Id}' answered {request.Method} {PathOf(request)} (HTTP {ex.Status}), but the connection ended before the whole body arrived: the answer was cut off mid-way.",
                provider.Id, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new VoiceBatchException($"{Describe(ex)} ({request.Method} {PathOf(request)}): {provider.Scrubber.Scrub(Innermost(ex).Message, 300)}", provider.Id, innerException: ex);
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

    /// <summary>What went wrong, in the words of .NET's own classification (<see cref="HttpRequestError"/>).</summary>
    private string Describe(Exception ex) => ErrorOf(ex) switch
    {
        HttpRequestError.NameResolutionError => $"Could not reach '{provider.Id}': its host name did not resolve",
        HttpRequestError.ConnectionError => $"Could not reach '{provider.Id}': the connection was refused or could not be made",
        HttpRequestError.SecureConnectionError => $"Could not reach '{provider.Id}': the TLS handshake failed",
        HttpRequestError.ResponseEnded => $"The connection to '{provider.Id}' ended before it answered",
        HttpRequestError.InvalidResponse => $"'{provider.Id}' sent an answer that is not valid HTTP",
        _ => $"The connection to '{provider.Id}' failed",
    };

    private static HttpRequestError? ErrorOf(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h) return h.HttpRequestError;
            if (ex is HttpIOException { HttpRequestError: not HttpRequestError.Unknown } io) return io.HttpRequestError;
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner) ex = inner;
        return ex;
    }
}
