using System.Text;

namespace VoiceBatch;

/// <summary>
/// The base of every error the SDK raises. Carries what a person on call needs — the provider, the HTTP status,
/// the vendor's error code and request id — and never an API key or a full phone number.
/// </summary>
public class VoiceBatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and, where possible, what to do.</param>
    /// <param name="provider">The provider involved, if any.</param>
    /// <param name="statusCode">The vendor's HTTP status code, if a response arrived.</param>
    /// <param name="errorCode">The vendor's own error code, if it sent one.</param>
    /// <param name="requestId">The vendor's request id, if it sent one.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public VoiceBatchException(
        string message,
        ProviderId? provider = null,
        int? statusCode = null,
        string? errorCode = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>The provider involved, if any.</summary>
    public ProviderId? Provider { get; }

    /// <summary>The vendor's HTTP status code, if a response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The vendor's own error code or error name, if it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The vendor's request id (from <c>x-request-id</c>-style headers), for the vendor's support.</summary>
    public string? RequestId { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder(GetType().FullName).Append(": ").Append(Message);
        if (Provider is { } p) text.Append(" [provider=").Append(p.Value).Append(']');
        if (StatusCode is { } s) text.Append(" [status=").Append(s).Append(']');
        if (ErrorCode is { } c) text.Append(" [code=").Append(c).Append(']');
        if (RequestId is { } r) text.Append(" [request-id=").Append(r).Append(']');
        if (InnerException is { } inner) text.Append(Environment.NewLine).Append(" ---> ").Append(inner);
        if (StackTrace is { } trace) text.Append(Environment.NewLine).Append(trace);
        return text.ToString();
    }
}
