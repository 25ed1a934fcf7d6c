using System.Net.Http;

namespace VoiceBatch.Http;

/// <summary>
/// Sends a batch-creating request exactly once and classifies a failure. A definite answer (4xx) is rethrown as
/// is. A failure before the request could leave the machine (DNS, connection refused, TLS) is a plain
/// <see cref="VoiceBatchException"/> saying nothing was sent. Anything else — a timeout, a dropped connection
/// after sending, a 5xx — means the vendor may have acted: <see cref="BatchCreationUncertainException"/>, and no
/// re-send. The resilience pipeline never retries these requests either (see <see cref="RequestIntent"/>).
/// </summary>
internal static class CreateOnce
{
    public static async Task<T> SendAsync<T>(ProviderId provider, string? batchName, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is null && NeverSent(ex))
        {
            throw new VoiceBatchException($"Could not connect to '{provider}'; the create request was not sent, so it is safe to try again. {ex.Message}", provider, innerException: ex);
        }
        catch (VoiceBatchException ex) when (ex.StatusCode is null or >= 500 && ex is not VoiceBatchResponseException)
        {
            throw new BatchCreationUncertainException(provider, batchName, ex.StatusCode, ex.RequestId, ex);
        }
        catch (VoiceBatchResponseException ex)
        {
            // A success status with a body we could not read: the batch most likely exists.
            throw new BatchCreationUncertainException(provider, batchName, ex.StatusCode, ex.RequestId, ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new BatchCreationUncertainException(provider, batchName, innerException: ex);
        }
    }

    private static bool NeverSent(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }
        }

        return false;
    }
}
