namespace VoiceBatch;

/// <summary>
/// The vendor refused the action in the batch's current state (e.g. pausing a finished batch, stopping a Bolna
/// batch that is not queued or running). The batch exists; read it to see its state.
/// </summary>
public sealed class VoiceBatchInvalidStateException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and the vendor's reason.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The vendor's error code, if any.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public VoiceBatchInvalidStateException(string message, ProviderId? provider = null, int? statusCode = null, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, statusCode, errorCode, requestId, innerException)
    {
    }
}
