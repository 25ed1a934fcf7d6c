using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace VoiceBatch.Http;

/// <summary>
/// The Polly v8 pipeline every vendor client runs through: a total timeout, then retries with exponential
/// back-off and jitter on transient faults (5xx, 408, 429, network, attempt timeout) for requests
/// <see cref="RequestIntent.MayRetry"/> allows, honouring <c>Retry-After</c> up to <see cref="VoiceBatchProviderOptions.MaxRetryDelay"/>,
/// then a per-attempt timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, VoiceBatchProviderOptions options)
    {
        // Network timeouts and back-off run on real time even when the app registers another TimeProvider (e.g. a
        // FakeTimeProvider to drive WaitForCompletionAsync in its tests): a frozen clock must not freeze HTTP.
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = false, // handled below, with a cap
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? ErrorTranslationHandler.RetryAfterOf(response) : null),
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, VoiceBatchProviderOptions options)
    {
        if (!RequestIntent.MayRetry(args.Context.GetRequestMessage())) return false;
        if (!HttpClientResiliencePredicates.IsTransient(args.Outcome)) return false;

        // A vendor asking us to wait longer than we are willing to: surface the 429 (with RetryAfter) at once.
        return args.Outcome.Result is not { } response
               || ErrorTranslationHandler.RetryAfterOf(response) is not { } wait
               || wait <= options.MaxRetryDelay;
    }
}
