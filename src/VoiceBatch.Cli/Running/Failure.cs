using Microsoft.Extensions.Options;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// An exception as the tool reports it: one exit code, a kind for scripts, a message for people (the SDK's messages
/// never contain a key or a full phone number) and the vendor's details. This is the one place that maps errors to
/// exit codes.
/// </summary>
internal sealed record Failure(int ExitCode, string Kind, string Message)
{
    public ProviderId? Provider { get; init; }

    public int? StatusCode { get; init; }

    public string? ErrorCode { get; init; }

    public string? RequestId { get; init; }

    /// <summary>What to do about it, when there is something to say.</summary>
    public string? Hint { get; init; }

    /// <summary>The rows a contact sheet or a vendor refused.</summary>
    public IReadOnlyList<ContactRowError> Rows { get; init; } = [];

    /// <summary>For an uncertain create: the name to look for before creating again.</summary>
    public string? BatchName { get; init; }

    public static Failure From(Exception exception, bool interrupted) => exception switch
    {
        CliException cli => new Failure(cli.ExitCode, cli.Kind, cli.Message),
        OperationCanceledException when interrupted => new Failure(ExitCodes.Interrupted, "interrupted", "Interrupted."),
        BatchCreationUncertainException uncertain => Vendor(uncertain, ExitCodes.OutcomeUnknown, "outcomeUnknown") with
        {
            BatchName = uncertain.BatchName,
            Hint = "The batch may exist and may be calling people. List the provider's batches (voicebatch list) and look for "
                   + (uncertain.BatchName is null ? "it" : $"'{uncertain.BatchName}'") + " before you create it again.",
        },
        ContactValidationException contacts => Vendor(contacts, ExitCodes.BadInput, "contacts") with { Rows = contacts.Errors },
        VoiceBatchNotSupportedException notSupported => Vendor(notSupported, ExitCodes.BadInput, "notSupported"),
        BatchNotFoundException notFound => Vendor(notFound, ExitCodes.NotFound, "notFound"),
        VoiceBatchAuthenticationException auth => Vendor(auth, ExitCodes.Authentication, "authentication") with
        {
            Hint = auth.Provider is { } p ? $"Check the key in {Settings.KeyVariable(p)} (or user secrets / appsettings.json {Settings.KeyPath(p)})." : null,
        },
        VoiceBatchRateLimitException limited => Vendor(limited, ExitCodes.VendorError, "rateLimited") with
        {
            Hint = limited.RetryAfter is { } after ? $"The vendor asks to wait {after.TotalSeconds:0} s before the next request." : null,
        },
        VoiceBatchInvalidStateException state => Vendor(state, ExitCodes.VendorError, "invalidState"),
        VoiceBatchException vendor => Vendor(vendor, ExitCodes.VendorError, "vendor"),
        OptionsValidationException options => new Failure(ExitCodes.BadInput, "configuration", options.Message),
        // The SDK refuses a request it can tell is wrong before sending it (e.g. a listing without the agent it needs).
        ArgumentException argument => new Failure(ExitCodes.BadInput, "usage", argument.Message),
        HttpRequestException http => new Failure(ExitCodes.VendorError, "unreachable", $"The vendor could not be reached: {http.Message}"),
        // The SDK reports a missing contact sheet itself; a file not found here is a part of the program (an assembly).
        FileNotFoundException or FileLoadException => new Failure(ExitCodes.Unexpected, "unexpected", $"Unexpected {exception.GetType().Name}: {exception.Message}"),
        DirectoryNotFoundException directory => new Failure(ExitCodes.BadInput, "file", directory.Message),
        UnauthorizedAccessException access => new Failure(ExitCodes.BadInput, "file", access.Message),
        IOException io => new Failure(ExitCodes.BadInput, "file", io.Message),
        _ => new Failure(ExitCodes.Unexpected, "unexpected", $"Unexpected {exception.GetType().Name}: {exception.Message}"),
    };

    private static Failure Vendor(VoiceBatchException exception, int exitCode, string kind) => new(exitCode, kind, exception.Message)
    {
        Provider = exception.Provider,
        StatusCode = exception.StatusCode,
        ErrorCode = exception.ErrorCode,
        RequestId = exception.RequestId,
    };
}
