namespace VoiceBatch;

/// <summary>The vendor answered 429 (too many requests) and the SDK's read retries, if any, are spent.</summary>
public sealed class VoiceBatchRateLimitException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was limited.</param>
    /// <param name="retryAfter">How long the vendor asked to wait (from <c>Retry-After</c>), if it said.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="errorCode">The vendor's error code, if any.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public VoiceBatchRateLimitException(string message, TimeSpan? retryAfter, ProviderId? provider = null, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, 429, errorCode, requestId, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the vendor asked to wait before the next request (seconds or HTTP date in <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
