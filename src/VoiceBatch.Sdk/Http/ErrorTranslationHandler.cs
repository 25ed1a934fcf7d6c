using System.Globalization;
using System.Net;
using Polly.Timeout;
using VoiceBatch.Internal;

namespace VoiceBatch.Http;

/// <summary>
/// The ONE place HTTP outcomes become the SDK's exception tree (outermost handler, so it sees the final outcome
/// after retries): 401/403 → <see cref="VoiceBatchAuthenticationException"/>, 404 → <see cref="BatchNotFoundException"/>,
/// 429 → <see cref="VoiceBatchRateLimitException"/> (with <c>Retry-After</c>), 402 → balance, any other non-success →
/// <see cref="VoiceBatchException"/>; timeouts and network failures → <see cref="VoiceBatchException"/> with the cause
/// inside. Messages carry the vendor's message, code and request id, scrubbed of the key and phone numbers.
/// </summary>
internal sealed class ErrorTranslationHandler(ProviderId provider, Func<string?> secret) : DelegatingHandler
{
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

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
        catch (TimeoutRejectedException ex)
        {
            throw new VoiceBatchException($"The request to '{provider}' timed out ({request.Method} {PathOf(request)}).", provider, innerException: ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new VoiceBatchException($"The request to '{provider}' timed out ({request.Method} {PathOf(request)}).", provider, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VoiceBatchException($"Could not reach '{provider}' ({request.Method} {PathOf(request)}): {Redactor.Scrub(ex.Message, secret())}", provider, innerException: ex);
        }

        if (response.IsSuccessStatusCode) return response;

        using (response)
        {
            var text = await ReadCappedAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            throw Translate(response, Redactor.Scrub(text, secret()), request);
        }
    }

    private VoiceBatchException Translate(HttpResponseMessage response, string body, HttpRequestMessage request)
    {
        var status = (int)response.StatusCode;
        var error = ErrorBody.Parse(body);
        var requestId = RequestIdOf(response);
        var vendorSays = error.Message is { Length: > 0 } m
            ? $": {Redactor.Truncate(m, 500)}"
            : body.Length > 0 && error.Message is null ? $": {Redactor.Truncate(body, 300)}" : string.Empty;
        var what = $"{request.Method} {PathOf(request)}";

        VoiceBatchException exception = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new VoiceBatchAuthenticationException(
                $"'{provider}' refused the credentials (HTTP {status}) for {what}{vendorSays}. Check the provider's ApiKey.", provider, status, error.Code, requestId),
            HttpStatusCode.NotFound => new BatchNotFoundException(
                $"'{provider}' found nothing at {what} (HTTP 404){vendorSays}.", provider, status, error.Code, requestId),
            HttpStatusCode.TooManyRequests => new VoiceBatchRateLimitException(
                $"'{provider}' is rate limiting requests (HTTP 429){vendorSays}.", RetryAfterOf(response), provider, error.Code, requestId),
            HttpStatusCode.PaymentRequired => new VoiceBatchException(
                $"'{provider}' refused {what}: insufficient balance (HTTP 402){vendorSays}. Top up the vendor account.", provider, status, error.Code, requestId),
            _ => new VoiceBatchException($"'{provider}' answered HTTP {status} for {what}{vendorSays}.", provider, status, error.Code, requestId),
        };

        exception.Data[ErrorBody.DataKey] = body;
        return exception;
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
               && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    internal static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        }

        return null;
    }

    internal static async Task<string> ReadCappedAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null) return string.Empty;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[maxBytes];
            var total = 0;
            int read;
            while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";
}
