using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceBatch.Http;

/// <summary>
/// The Polly v8 pipeline every provider client runs through, built by the SDK itself (no Polly telemetry, so no log
/// line per attempt): a total timeout, then retries with exponential back-off and jitter on transient faults (5xx,
/// 408, 429, network, a body cut off, the attempt timeout) for requests <see cref="RouteTraits.MayRetry"/> allows —
/// never a <see cref="SendOnceAttribute"/> route — honouring <c>Retry-After</c> up to
/// <see cref="VoiceBatchProviderOptions.MaxRetryDelay"/>, then a per-attempt timeout. Each retry is counted
/// (<c>voicebatch.http.retries</c>) and logged at Debug.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(VoiceBatchProviderOptions options, ProviderContext provider)
    {
        // Network timeouts and back-off run on real time even when the app registers another TimeProvider (e.g. a
        // FakeTimeProvider to drive WaitForCompletionAsync in its tests): a frozen clock must not freeze HTTP.
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System };
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? ErrorMap.RetryAfterOf(response) : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var reason = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "?";
                    VoiceBatchTelemetry.Retries.Add(1, new("voicebatch.provider", provider.Id.Value), new("voicebatch.retry.reason", reason));
                    Log.HttpRetry(provider.Logger, provider.Id.Value, request?.Method.Method, RouteTraits.Of(request).Template ?? request?.RequestUri?.AbsolutePath, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
        return pipeline.Build();
    }

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, VoiceBatchProviderOptions options)
    {
        if (!RouteTraits.MayRetry(args.Context.GetRequestMessage())) return false;
        if (args.Outcome.Exception is { } ex)
        {
            return ex is HttpRequestException or IOException or TimeoutRejectedException
                   || (ex is OperationCanceledException && !args.Context.CancellationToken.IsCancellationRequested);
        }

        if (args.Outcome.Result is not { } response) return false;
        var status = (int)response.StatusCode;
        if (status is not (408 or 429 or >= 500)) return false;

        // A vendor asking us to wait longer than we are willing to: surface the 429 (with RetryAfter) at once.
        return ErrorMap.RetryAfterOf(response) is not { } wait || wait <= options.MaxRetryDelay;
    }
}
