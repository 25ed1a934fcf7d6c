namespace VoiceBatch;

/// <summary>The vendor refused the credentials (401) or the action for this account (403). Check the provider's <c>ApiKey</c>.</summary>
public sealed class VoiceBatchAuthenticationException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="statusCode">401 or 403.</param>
    /// <param name="errorCode">The vendor's error code, if any.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public VoiceBatchAuthenticationException(string message, ProviderId? provider = null, int? statusCode = 401, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, statusCode, errorCode, requestId, innerException)
    {
    }
}
