namespace VoiceBatch;

/// <summary>The vendor answered 404: the batch does not exist or does not belong to this account.</summary>
public sealed class BatchNotFoundException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="statusCode">The HTTP status (404).</param>
    /// <param name="errorCode">The vendor's error code, if any.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public BatchNotFoundException(string message, ProviderId? provider = null, int? statusCode = 404, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, statusCode, errorCode, requestId, innerException)
    {
    }
}
