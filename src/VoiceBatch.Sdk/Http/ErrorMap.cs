using System.Globalization;
using System.Net;

namespace VoiceBatch.Http;

/// <summary>
/// The ONE table that turns a vendor's answer into the SDK's exception tree, for every vendor: 401/403 →
/// <see cref="VoiceBatchAuthenticationException"/>, 404 → <see cref="BatchNotFoundException"/>, 429 →
/// <see cref="VoiceBatchRateLimitException"/>, 402 → insufficient balance, a status the route declares with
/// <see cref="StatusMeansAttribute"/> → what the route says it means (e.g. <see cref="VoiceBatchInvalidStateException"/>), 3xx → a refused redirect
/// naming its target host, anything else → <see cref="VoiceBatchException"/>. Messages carry the vendor's message,
/// code and request id, scrubbed; the scrubbed body is kept in <see cref="Exception.Data"/>[<see cref="ErrorBody.DataKey"/>].
/// Adapters add only vendor-specific readings on top (a create's row report), never another status table.
/// </summary>
internal static class ErrorMap
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

    /// <summary>An HTTP answer that is not a success.</summary>
    public static VoiceBatchException FromResponse(ProviderId provider, Scrubber scrubber, HttpResponseMessage response, string bodyText, RouteTraits route)
    {
        var status = (int)response.StatusCode;
        var request = response.RequestMessage;
        var what = $"{request?.Method.Method ?? "?"} {request?.RequestUri?.AbsolutePath ?? "?"}";
        var body = ErrorBody.Parse(scrubber.Scrub(bodyText), scrubber);
        if (status is >= 300 and < 400)
        {
            var target = response.Headers.Location is { } location
                ? location.IsAbsoluteUri ? location.Host : "a path on the same host"
                : "an unnamed location";
            return Attach(new VoiceBatchException(
                $"'{provider}' redirected {what} (HTTP {status}) to {target}. The SDK never follows redirects: the API key "
                + "must not travel to another address. Check the provider's BaseAddress.", provider, status, body.Code, RequestIdOf(response)), body);
        }

        return FromStatus(provider, status, body, what, RequestIdOf(response) ?? body.RequestId, RetryAfterOf(response), route);
    }

    /// <summary>A vendor error, from an HTTP status or from a status the vendor reports inside a 2xx envelope.</summary>
    public static VoiceBatchException FromStatus(ProviderId provider, int status, ErrorBody body, string what, string? requestId, TimeSpan? retryAfter = null, RouteTraits? route = null)
    {
        var says = body.Message is { Length: > 0 } m ? $": {Scrubber.Truncate(m, 500)}"
            : body.Text.Length > 0 ? $": {Scrubber.Truncate(body.Text, 300)}"
            : string.Empty;

        var advice = route?.Meaning(status, body) is { Advice: { } a } ? " " + a : string.Empty;
        VoiceBatchException exception = (route?.Meaning(status, body)?.Meaning, status) switch
        {
            (StatusMeaning.InvalidState, _) => new VoiceBatchInvalidStateException(
                $"'{provider}' refused {what} in the batch's current state (HTTP {status}){says}.{advice} Read the batch to see its state.", provider, status, body.Code, requestId),
            (StatusMeaning.Refused, _) => new VoiceBatchException($"'{provider}' refused {what} (HTTP {status}){says}.{advice}", provider, status, body.Code, requestId),
            (StatusMeaning.NotFound, _) => new BatchNotFoundException($"'{provider}' knows no such batch for {what} (HTTP {status}){says}.{advice}", provider, status, body.Code, requestId),
            (_, 401 or 403) => new VoiceBatchAuthenticationException(
                $"'{provider}' refused the credentials (HTTP {status}) for {what}{says}. Check the provider's ApiKey.", provider, status, body.Code, requestId),
            (_, 404) => new BatchNotFoundException($"'{provider}' found nothing at {what} (HTTP 404){says}.", provider, status, body.Code, requestId),
            (_, 429) => new VoiceBatchRateLimitException($"'{provider}' is rate limiting requests (HTTP 429){says}.", retryAfter, provider, body.Code, requestId),
            (_, 402) => new VoiceBatchException($"'{provider}' refused {what}: insufficient balance (HTTP 402){says}. Top up the vendor account.", provider, status, body.Code, requestId),
            _ => new VoiceBatchException($"'{provider}' answered HTTP {status} for {what}{says}.", provider, status, body.Code, requestId),
        };
        return Attach(exception, body);
    }

    /// <summary>How long the vendor asks to wait: <c>retry-after-ms</c> (milliseconds, as Retell's and OpenAI-style SDKs
    /// honour it) when present, else <c>Retry-After</c> as seconds or an HTTP date; null when it says nothing readable.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds is >= 0 and < 1e10)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
               && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    public static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        }

        return null;
    }

    private static VoiceBatchException Attach(VoiceBatchException exception, ErrorBody body)
    {
        if (body.Text.Length > 0) exception.Data[ErrorBody.DataKey] = body.Text;
        return exception;
    }
}
