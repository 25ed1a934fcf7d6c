namespace VoiceBatch;

/// <summary>
/// The vendor answered with a body the SDK could not read (not JSON, an HTML error page, an empty body, or JSON of
/// an unexpected shape). <see cref="BodySnippet"/> holds its first kilobyte, with secrets scrubbed.
/// </summary>
public sealed class VoiceBatchResponseException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be read.</param>
    /// <param name="bodySnippet">The first 1 KB of the body, scrubbed.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public VoiceBatchResponseException(string message, string? bodySnippet, ProviderId? provider = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, statusCode, null, requestId, innerException)
    {
        BodySnippet = bodySnippet;
    }

    /// <summary>The first kilobyte of the unreadable body (API keys and phone numbers scrubbed).</summary>
    public string? BodySnippet { get; }
}
