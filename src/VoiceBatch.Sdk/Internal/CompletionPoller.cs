using Microsoft.Extensions.Logging;

namespace VoiceBatch.Internal;

/// <summary>
/// Polls one batch until it is terminal. The interval starts at the caller's value, grows by half while nothing
/// changes (capped at <see cref="VoiceBatchOptions.MaxPollInterval"/>) and drops back when something does.
/// Transient read failures (429, 5xx, timeouts, network) are logged and survived up to
/// <see cref="VoiceBatchOptions.MaxConsecutivePollFailures"/> in a row; anything else is thrown at once.
/// </summary>
internal sealed class CompletionPoller(IBatchCallClient client, TimeProvider time, VoiceBatchOptions options, ILogger logger)
{
    public async Task<BatchCall> WaitAsync(ProviderId provider, string batchId, IProgress<BatchCall>? progress, TimeSpan initialInterval, CancellationToken cancellationToken)
    {
        var max = options.MaxPollInterval < initialInterval ? initialInterval : options.MaxPollInterval;
        var interval = initialInterval;
        BatchCall? last = null;
        var failures = 0;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BatchCall current;
            var delay = interval;
            try
            {
                current = await client.GetBatchAsync(provider, batchId, cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (VoiceBatchException ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                failures++;
                if (failures > options.MaxConsecutivePollFailures) throw;
                Http.Log.PollFailed(logger, batchId, provider.Value, failures, options.MaxConsecutivePollFailures, ex.Message);
                if (ex is VoiceBatchRateLimitException { RetryAfter: { } after } && after > delay) delay = after;
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (last is null || Changed(last, current))
            {
                progress?.Report(current);
                interval = initialInterval;
            }
            else
            {
                var grown = TimeSpan.FromTicks((long)(interval.Ticks * 1.5));
                interval = grown > max ? max : grown;
            }

            last = current;
            if (current.IsTerminal) return current;
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool Changed(BatchCall before, BatchCall after)
        => before.Status != after.Status
           || !string.Equals(before.RawStatus, after.RawStatus, StringComparison.Ordinal)
           || before.Progress != after.Progress;

    internal static bool IsTransient(VoiceBatchException ex) => ex switch
    {
        VoiceBatchRateLimitException => true,
        BatchNotFoundException or VoiceBatchAuthenticationException or VoiceBatchNotSupportedException
            or VoiceBatchInvalidStateException or ContactValidationException => false,
        _ => ex.StatusCode is null or >= 500,
    };
}
