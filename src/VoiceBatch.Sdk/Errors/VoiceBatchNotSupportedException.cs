namespace VoiceBatch;

/// <summary>The provider does not support the operation (see <see cref="IBatchCallClient.GetCapabilities"/>). Nothing was sent.</summary>
public sealed class VoiceBatchNotSupportedException : VoiceBatchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="operation">The unsupported operation.</param>
    /// <param name="reason">Why, if more can be said (e.g. switched off in the provider's options).</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public VoiceBatchNotSupportedException(ProviderId provider, BatchOperation operation, string? reason = null, Exception? innerException = null)
        : base($"Provider '{provider}' does not support {operation}{(reason is null ? "." : ": " + reason)} Nothing was sent; check IBatchCallClient.GetCapabilities(provider).", provider, innerException: innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that is not supported.</summary>
    public BatchOperation Operation { get; }
}
