namespace VoiceBatch;

/// <summary>
/// The contacts cannot be used as they are: the file is unreadable, empty, oversized or has no phone column, or
/// rows are invalid (locally, or as the vendor reported in a 400). <see cref="Errors"/> lists every bad row.
/// </summary>
public sealed class ContactValidationException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="errors">One entry per bad row (empty for a whole-file problem).</param>
    /// <param name="provider">The provider that reported the rows, when it came from a vendor.</param>
    /// <param name="statusCode">The vendor's HTTP status, when it came from a vendor.</param>
    /// <param name="requestId">The vendor's request id, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ContactValidationException(string message, IReadOnlyList<ContactRowError>? errors = null, ProviderId? provider = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, provider, statusCode, null, requestId, innerException)
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception for a whole-file problem caused by another exception (e.g. a parser's).</summary>
    /// <param name="message">What is wrong and what to fix, naming the real cause.</param>
    /// <param name="innerException">The exception that revealed the problem, kept for diagnosis.</param>
    public ContactValidationException(string message, Exception? innerException)
        : base(message, null, null, null, null, innerException)
    {
        Errors = [];
    }

    /// <summary>Every bad row, with its 1-based spreadsheet row number (the header is row 1).</summary>
    public IReadOnlyList<ContactRowError> Errors { get; }
}
